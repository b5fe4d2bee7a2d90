import { describe, expect, it } from "vitest";
import { GROUP_BY_VALUES, parseGroupBy } from "./group-by.js";

describe("parseGroupBy", () => {
  it("accepts every grouping as written", () => {
    for (const value of GROUP_BY_VALUES) expect(parseGroupBy(value)).toBe(value);
  });

  it("ignores case and spaces around the comma", () => {
    expect(parseGroupBy(" Influencer , Campaign ")).toBe("influencer,campaign");
    expect(parseGroupBy("campaigntype")).toBe("campaignType");
    expect(parseGroupBy("CUSTOMERTYPE")).toBe("customerType");
  });

  it.each(["", "influencers", "campaign,influencer", "country,device"])("throws a RangeError listing valid values for %j", (text) => {
    expect(() => parseGroupBy(text)).toThrow(RangeError);
    expect(() => parseGroupBy(text)).toThrow(/use one of overall, influencer, campaign, influencer,campaign, platform/);
  });

  it("cannot be edited through the shared list", () => {
    expect(Object.isFrozen(GROUP_BY_VALUES)).toBe(true);
  });
});
