import { describe, expect, it } from "vitest";
import { buildAttributionIndex, matchCode, type AttributionIndex } from "./attribution-index.js";
import { InvalidInputError } from "./errors.js";
import type { Influencer } from "./types.js";

const alice: Influencer = { id: "inf-alice", handle: "Alice", email: " Alice+IG@Example.com ", customerId: "gid://shopify/Customer/42", campaign: "Spring", tags: [] };
const bob: Influencer = { id: "inf-bob", handle: "bob", utm: "BobUTM", tags: ["micro"] };

describe("buildAttributionIndex", () => {
  it("returns empty maps for an empty roster", () => {
    const index = buildAttributionIndex({ influencers: [], codes: [] });
    expect(index.influencers.size + index.codes.size + index.utm.size + index.clicks.size + index.links.size).toBe(0);
    expect(index.campaigns).toBeNull();
  });

  it("normalizes every key once", () => {
    const index = buildAttributionIndex({
      influencers: [alice, bob],
      codes: [{ code: " Alice10 ", influencerId: "inf-alice", campaign: "summer" }],
      campaigns: ["Summer", "Spring"],
    });
    expect(index.codes.get("alice10")).toEqual({ influencerId: "inf-alice", campaign: "Summer", code: "Alice10" });
    // The roster's utm value replaces the handle for bob; alice is matched by her handle.
    expect([...index.utm].map(([value, influencer]) => [value, influencer.id])).toEqual([["alice", "inf-alice"], ["bobutm", "inf-bob"]]);
    expect(index.roster.map((influencer) => influencer.id)).toEqual(["inf-alice", "inf-bob"]);
    expect(index.influencers.get("inf-alice")).toEqual({
      id: "inf-alice", handle: "Alice", email: "alice@example.com", customerId: "42", campaign: "Spring", emailLength: 17, customerIdLength: 2,
    });
    expect(index.campaigns?.get("summer")).toBe("Summer");
  });

  it("keeps an email without @ as given: it is a salted hash", () => {
    const index = buildAttributionIndex({ influencers: [{ ...bob, email: "9f86d081884c7d65" }], codes: [] });
    expect(index.influencers.get("inf-bob")?.email).toBe("9f86d081884c7d65");
  });

  it("indexes clicks by id with the influencer and campaign they had, dropping clicks of unknown influencers", () => {
    const index = buildAttributionIndex({
      influencers: [alice],
      codes: [],
      clicks: [
        { id: "c1", at: 1000, influencerId: "inf-alice", campaign: "spring", link: "alice-ig" },
        { id: "c1", at: 1000, influencerId: "inf-alice", campaign: "spring", link: "alice-ig" },
        { id: "c2", at: 2000, influencerId: "gone", link: "old" },
      ],
      campaigns: ["Spring"],
    });
    expect([...index.clicks]).toEqual([["c1", { influencerId: "inf-alice", campaign: "Spring", at: 1000, link: "alice-ig" }]]);
  });

  it.each([
    ["a duplicate influencer id", { influencers: [alice, { ...alice }], codes: [] }, "influencers[1].id"],
    ["a handle claimed twice", { influencers: [alice, { ...bob, utm: "ALICE" }], codes: [] }, "influencers[1].utm"],
    ["an empty handle", { influencers: [{ ...bob, handle: " " }], codes: [] }, "influencers[0].handle"],
    [
      "a code assigned to two influencers",
      { influencers: [alice, bob], codes: [{ code: "X10", influencerId: "inf-alice" }, { code: "x10", influencerId: "inf-bob" }] },
      "codes[1].code",
    ],
    ["a code of an unknown influencer", { influencers: [alice], codes: [{ code: "X", influencerId: "nobody" }] }, "codes[0].influencerId"],
    ["an empty code", { influencers: [alice], codes: [{ code: "", influencerId: "inf-alice" }] }, "codes[0].code"],
    [
      "a link slug of two influencers",
      { influencers: [alice, bob], codes: [], links: [{ slug: "s", influencerId: "inf-alice" }, { slug: "s", influencerId: "inf-bob" }] },
      "links[1].slug",
    ],
    ["a link of an unknown influencer", { influencers: [alice], codes: [], links: [{ slug: "s", influencerId: "x" }] }, "links[0].influencerId"],
    [
      "one click id with two different facts",
      {
        influencers: [alice],
        codes: [],
        clicks: [{ id: "c", at: 1, influencerId: "inf-alice", link: "a" }, { id: "c", at: 2, influencerId: "inf-alice", link: "a" }],
      },
      "clicks[1].id",
    ],
    ["a click without a time", { influencers: [alice], codes: [], clicks: [{ id: "c", at: Number.NaN, influencerId: "inf-alice", link: "a" }] }, "clicks[0].at"],
    ["campaigns equal but for case", { influencers: [], codes: [], campaigns: ["Summer", "summer"] }, "campaigns[1]"],
  ])("rejects %s, naming where", (_label, input, path) => {
    let error: unknown;
    try {
      buildAttributionIndex(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).path).toBe(path);
  });

  it("accepts the same assignment twice", () => {
    const index = buildAttributionIndex({ influencers: [alice], codes: [{ code: "A", influencerId: "inf-alice" }, { code: "a", influencerId: "inf-alice" }] });
    expect(index.codes.size).toBe(1);
  });
});

describe("matchCode", () => {
  const index = buildAttributionIndex({
    influencers: [alice, bob],
    codes: [{ code: "Alice10", influencerId: "inf-alice" }, { code: "straße", influencerId: "inf-bob" }, { code: "ıx", influencerId: "inf-bob" }],
  });
  const lookupCodeEvidence = (i: AttributionIndex, code: string) => matchCode(i, code)?.evidence;

  it.each(["Alice10", "alice10", "ALICE10", "aLiCe10", " ALICE10 "])("finds %j case-insensitively, keeping the spelling typed", (typed) => {
    const e = lookupCodeEvidence(index, typed);
    expect(e).toMatchObject({ rule: "code", influencerId: "inf-alice", value: typed, source: "discount_codes" });
  });

  it("names the influencer credited", () => {
    expect(matchCode(index, "aLiCe10")?.influencer).toBe(index.influencers.get("inf-alice"));
    expect(matchCode(index, "ALICE10")?.influencer.email).toBe("alice@example.com");
  });

  it("answers the common spellings without building strings: the same frozen evidence each time", () => {
    expect(lookupCodeEvidence(index, "ALICE10")).toBe(lookupCodeEvidence(index, "ALICE10"));
    expect(Object.isFrozen(lookupCodeEvidence(index, "alice10"))).toBe(true);
  });

  it("matches non-ASCII codes by their lower case", () => {
    expect(lookupCodeEvidence(index, "STRASSE")).toBeUndefined();
    expect(lookupCodeEvidence(index, "Straße")?.influencerId).toBe("inf-bob");
  });

  it("does not take an upper-case spelling that lower-cases elsewhere for a match", () => {
    // "ıx".toUpperCase() is "IX", whose lower case is "ix", not "ıx".
    expect(lookupCodeEvidence(index, "IX")).toBeUndefined();
    expect(lookupCodeEvidence(index, "ıx")?.influencerId).toBe("inf-bob");
  });

  it.each(["", "WELCOME10", "welcome10", "Welcome10"])("returns undefined for %j, which no influencer holds", (typed) => {
    expect(lookupCodeEvidence(index, typed)).toBeUndefined();
  });
});
