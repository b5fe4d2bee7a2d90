import { describe, expect, it } from "vitest";
import { normalizeEmail } from "./normalize-email.js";

describe("normalizeEmail", () => {
  it.each([
    ["alice@example.com", "alice@example.com"],
    ["  Alice@Example.COM\t", "alice@example.com"],
    ["alice+ig@example.com", "alice@example.com"],
    ["Alice+IG+2@example.com", "alice@example.com"],
    ["first.last@sub.example.co.uk", "first.last@sub.example.co.uk"],
    // A "+" in the domain is not a tag: only the local part loses its tag.
    ["bob@ex+ample.com", "bob@ex+ample.com"],
  ])("normalizes %j to %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [""],
    ["   "],
    ["no-at-sign"],
    ["@example.com"],
    ["alice@"],
    ["a@b@example.com"],
    ["+tag@example.com"],
    ["al ice@example.com"],
    ["alice@.example.com"],
    ["alice@example..com"],
  ])("returns undefined for %j", (input) => {
    expect(normalizeEmail(input)).toBeUndefined();
  });

  it("is idempotent", () => {
    const once = normalizeEmail(" Carol+x@Shop.Example ");
    expect(normalizeEmail(once)).toBe(once);
  });
});
