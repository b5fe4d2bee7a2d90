import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import { buildShareUrl, parseLandingUrl } from "./parse-utm.js";

describe("parseLandingUrl", () => {
  it("reads a Shopify landing_site path with a query", () => {
    expect(
      parseLandingUrl("/products/tee?utm_source=Instagram&utm_medium=influencer&utm_campaign=Summer-Launch&utm_content=%20Alice%20&icr_click=c_9F"),
    ).toEqual({
      utm: { source: "instagram", medium: "influencer", campaign: "summer-launch", content: "alice" },
      clickId: "c_9F",
    });
  });

  it.each([
    ["a full URL", "https://shop.example/?utm_content=alice#reviews"],
    ["a bare query", "utm_content=alice"],
    ["a bare query with ?", "?utm_content=alice"],
    ["upper-case keys", "/?UTM_CONTENT=Alice"],
    ["a form-encoded space", "/?utm_content=+alice+"],
    ["a repeated key (first non-empty wins)", "/?utm_content=&utm_content=alice&utm_content=bob"],
  ])("reads utm_content from %s", (_label, url) => {
    expect(parseLandingUrl(url).utm.content).toBe("alice");
  });

  it("keeps the click id's case and trims it", () => {
    expect(parseLandingUrl("/?icr_click=%20AbC123%20").clickId).toBe("AbC123");
  });

  it("reads Shopify's referral code from ref, then source, then r", () => {
    expect(parseLandingUrl("/?r=three&source=two&ref=One").referralCode).toBe("one");
    expect(parseLandingUrl("/?r=three&source=Two").referralCode).toBe("two");
    expect(parseLandingUrl("/?r=three").referralCode).toBe("three");
  });

  it("ignores the fragment", () => {
    expect(parseLandingUrl("/p#utm_content=alice")).toEqual({ utm: {} });
  });

  it("skips a parameter with malformed percent-encoding and keeps the others", () => {
    expect(parseLandingUrl("/?utm_content=%E0%A4%A&utm_source=ig")).toEqual({ utm: { source: "ig" } });
  });

  it.each([[undefined], [null], [""], ["/products/tee"], ["https://shop.example/a=b/c"], ["%%%"], ["?&&=&"]])(
    "returns nothing for %j",
    (url) => {
      expect(parseLandingUrl(url)).toEqual({ utm: {} });
    },
  );

  it("never throws, and every value it returns is trimmed and (but the click id) lower-cased", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (url) => {
        const parsed = parseLandingUrl(url);
        for (const value of [...Object.values(parsed.utm), parsed.referralCode]) {
          if (value === undefined) continue;
          expect(value).toBe(value.trim().toLowerCase());
          expect(value).not.toBe("");
        }
        if (parsed.clickId !== undefined) expect(parsed.clickId).toBe(parsed.clickId.trim());
      }),
    );
  });
});

describe("buildShareUrl", () => {
  const params = { platform: "instagram", campaign: "summer", handle: "alice", clickId: "c_9f" };

  it("adds the share-link parameters to an absolute URL, keeping its query and fragment", () => {
    expect(buildShareUrl("https://shop.example/products/tee?color=red&size=m%20l#reviews", params)).toBe(
      "https://shop.example/products/tee?color=red&size=m%20l&utm_source=instagram&utm_medium=influencer&utm_campaign=summer&utm_content=alice&icr_click=c_9f#reviews",
    );
  });

  it("works on a shop path and leaves out what is not given", () => {
    expect(buildShareUrl("/collections/all", { handle: "bob" })).toBe("/collections/all?utm_medium=influencer&utm_content=bob");
  });

  it("replaces parameters it sets instead of repeating them", () => {
    expect(buildShareUrl("/p?utm_content=old&UTM_MEDIUM=email&utm_term=x", { handle: "alice" })).toBe(
      "/p?utm_term=x&utm_medium=influencer&utm_content=alice",
    );
  });

  it("encodes values", () => {
    expect(buildShareUrl("/p", { handle: "a&b", campaign: "fall sale" })).toBe("/p?utm_medium=influencer&utm_campaign=fall%20sale&utm_content=a%26b");
  });

  it("round-trips through parseLandingUrl", () => {
    const url = buildShareUrl("https://shop.example/?x=1", params);
    expect(parseLandingUrl(url)).toEqual({
      utm: { source: "instagram", medium: "influencer", campaign: "summer", content: "alice" },
      clickId: "c_9f",
    });
  });

  it("rejects an empty destination or handle", () => {
    expect(() => buildShareUrl("  ", params)).toThrow(InvalidInputError);
    expect(() => buildShareUrl("/p", { handle: " " })).toThrow(/handle/);
  });
});
