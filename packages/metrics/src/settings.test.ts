import { describe, expect, it } from "vitest";
import { DEFAULT_ATTRIBUTION_SETTINGS, resolveSettings } from "./settings.js";
import type { Rule, TouchModel } from "./types.js";

describe("DEFAULT_ATTRIBUTION_SETTINGS", () => {
  it("are METRICS.md §4's defaults", () => {
    expect(DEFAULT_ATTRIBUTION_SETTINGS).toEqual({
      windowDays: 30,
      touch: "last",
      precedence: ["code", "link", "utm"],
      selfReferral: { byEmail: true, byCustomerId: true },
    });
  });

  it("cannot be changed by accident", () => {
    expect(Object.isFrozen(DEFAULT_ATTRIBUTION_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ATTRIBUTION_SETTINGS.precedence)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ATTRIBUTION_SETTINGS.selfReferral)).toBe(true);
  });
});

describe("resolveSettings", () => {
  it("returns the defaults for no overrides", () => {
    expect(resolveSettings()).toEqual(DEFAULT_ATTRIBUTION_SETTINGS);
    expect(resolveSettings({})).toEqual(DEFAULT_ATTRIBUTION_SETTINGS);
  });

  it("merges overrides field by field", () => {
    expect(resolveSettings({ windowDays: 7, touch: "first", precedence: ["link", "code"], selfReferral: { byEmail: false } })).toEqual({
      windowDays: 7,
      touch: "first",
      precedence: ["link", "code"],
      selfReferral: { byEmail: false, byCustomerId: true },
    });
  });

  it("does not share the caller's precedence array", () => {
    const precedence: Rule[] = ["utm", "code"];
    const settings = resolveSettings({ precedence });
    precedence.push("link");
    expect(settings.precedence).toEqual(["utm", "code"]);
  });

  it.each([0, -1, 1.5, 366, Number.NaN, Number.POSITIVE_INFINITY])("rejects windowDays %s", (windowDays) => {
    expect(() => resolveSettings({ windowDays })).toThrow(RangeError);
  });

  it.each([1, 30, 365])("accepts windowDays %s", (windowDays) => {
    expect(resolveSettings({ windowDays }).windowDays).toBe(windowDays);
  });

  it.each<[string, Rule[]]>([
    ["empty", []],
    ["duplicate", ["code", "link", "code"]],
    ["unknown", ["code", "coupon" as Rule]],
  ])("rejects a %s precedence list", (_label, precedence) => {
    expect(() => resolveSettings({ precedence })).toThrow(RangeError);
  });

  it("rejects an unknown touch model and non-boolean self-referral switches", () => {
    expect(() => resolveSettings({ touch: "linear" as TouchModel })).toThrow(/touch/);
    expect(() => resolveSettings({ selfReferral: { byEmail: "yes" as unknown as boolean } })).toThrow(/selfReferral/);
  });
});
