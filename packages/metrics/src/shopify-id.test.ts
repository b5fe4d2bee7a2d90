import { describe, expect, it } from "vitest";
import { shopifyId } from "./shopify-id.js";

describe("shopifyId", () => {
  it.each<[unknown, string]>([
    [450789469, "450789469"],
    ["450789469", "450789469"],
    [" 450789469 ", "450789469"],
    ["gid://shopify/Order/450789469", "450789469"],
    ["gid://shopify/Customer/207119551", "207119551"],
    ["gid://shopify/LineItem/1?inline=true", "1"],
  ])("reads %j as %j", (value, id) => {
    expect(shopifyId(value)).toBe(id);
  });

  it.each<[unknown]>([[null], [undefined], [""], [0], [-5], [1.5], [2 ** 60], ["abc"], ["gid://shopify/Order/"], ["gid://other/Order/1"], [{}], [true]])(
    "returns undefined for %j",
    (value) => {
      expect(shopifyId(value)).toBeUndefined();
    },
  );
});
