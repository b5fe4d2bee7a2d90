import { describe, expect, it } from "vitest";
import { cleanHandle, isHandle, isSlug } from "./identifiers.js";

describe("identifiers", () => {
  it("cleanHandle trims and drops one leading @", () => {
    expect(cleanHandle("  @alice ")).toBe("alice");
    expect(cleanHandle("@@x")).toBe("@x");
    expect(cleanHandle("")).toBe("");
  });

  it("isHandle accepts letters and digits of any script with . _ -", () => {
    expect(isHandle("alice.b_1-x")).toBe(true);
    expect(isHandle("zoë")).toBe(true);
    expect(isHandle("山田")).toBe(true);
    for (const bad of ["", "a b", "a;b", "a,b", "@a", "a/b"]) expect(isHandle(bad), bad).toBe(false);
  });

  it("isSlug accepts URL-safe ASCII only, starting with a letter or digit", () => {
    expect(isSlug("alice-ig_2")).toBe(true);
    for (const bad of ["", "-x", "_x", "a b", "a/b", "zoë", "a.b"]) expect(isSlug(bad), bad).toBe(false);
  });
});
