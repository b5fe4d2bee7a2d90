import { describe, expect, it } from "vitest";
import { readCartAttributes } from "./cart-attributes.js";

describe("readCartAttributes", () => {
  it("returns empty lists when no attribute is ours", () => {
    expect(readCartAttributes([])).toEqual({ clickIds: [], visits: [] });
    expect(readCartAttributes([["gift_wrap", "yes"]])).toEqual({ clickIds: [], visits: [] });
  });

  it("reads click ids, several per attribute, once each, case kept", () => {
    expect(readCartAttributes([["_icr_click", " c_1, C_2 c_1 "], ["_ICR_CLICK", "c_3"]]).clickIds).toEqual(["c_1", "C_2", "c_3"]);
  });

  it("turns the UTM query string into an untimed storefront visit", () => {
    expect(readCartAttributes([["_icr_utm", "utm_source=TikTok&utm_content=Bob&icr_click=c_9"]]).visits).toEqual([
      { source: "pixel", at: undefined, utm: { source: "tiktok", medium: undefined, campaign: undefined, content: "bob", term: undefined }, clickId: "c_9", referralCode: undefined },
    ]);
  });

  it("drops a UTM attribute that names nobody", () => {
    expect(readCartAttributes([["_icr_utm", "utm_source=tiktok"]]).visits).toEqual([]);
  });
});
