import { describe, expect, it } from "vitest";
import { assertDemoModeAllowed, isDemoMode } from "./demo-mode.server";

describe("demo mode guard", () => {
  it("is off unless ICR_DEMO is exactly 1", () => {
    expect(isDemoMode({})).toBe(false);
    expect(isDemoMode({ ICR_DEMO: "true" })).toBe(false);
    expect(isDemoMode({ ICR_DEMO: "1" })).toBe(true);
  });

  it("allows demo mode on a machine without Shopify credentials", () => {
    expect(() => assertDemoModeAllowed({ ICR_DEMO: "1", NODE_ENV: "development" })).not.toThrow();
  });

  it.each([
    [{ SHOPIFY_API_KEY: "abc" }, /SHOPIFY_API_KEY is set/],
    [{ SHOPIFY_API_SECRET: "shh" }, /SHOPIFY_API_SECRET is set/],
    [{ NODE_ENV: "production" }, /NODE_ENV is production/],
  ])("refuses to start when %j", (extra, message) => {
    expect(() => assertDemoModeAllowed({ ICR_DEMO: "1", ...extra })).toThrow(message);
  });

  it("names every reason at once", () => {
    expect(() => assertDemoModeAllowed({ ICR_DEMO: "1", SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", NODE_ENV: "production" })).toThrow(
      /SHOPIFY_API_KEY is set, SHOPIFY_API_SECRET is set, NODE_ENV is production/,
    );
  });

  it("says nothing when demo mode is off, whatever else is set", () => {
    expect(() => assertDemoModeAllowed({ SHOPIFY_API_KEY: "k", NODE_ENV: "production" })).not.toThrow();
  });
});
