import { describe, expect, it } from "vitest";
import { currencyDigits, formatMoney, parseMoney } from "./money.js";

describe("currencyDigits", () => {
  // Minor-unit digits per ISO 4217 (and CLDR, which Intl uses): USD 2, JPY 0, KWD 3, BHD 3.
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["JPY", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["usd", 2],
  ])("%s has %i decimals", (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });

  // ISO 4217 (the list's "minor unit" column) gives HUF and IDR 2 and IQD 3 where CLDR displays 0;
  // Shopify sends amounts such as "1234.50" HUF, so parsing follows ISO.
  it.each([
    ["HUF", 2],
    ["IDR", 2],
    ["IQD", 3],
    ["ISK", 0],
  ])("%s follows ISO 4217 with %i decimals", (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
    expect(parseMoney("1234", currency)).toBe(1234 * 10 ** digits);
  });

  it("defaults an unknown but ISO-looking code to 2", () => {
    expect(currencyDigits("XYZ")).toBe(2);
  });

  it.each(["", "US", "DOLLARS", "U$D", "12A"])("rejects %j with a RangeError", (currency) => {
    expect(() => currencyDigits(currency)).toThrow(/not an ISO 4217 currency code/);
  });
});

describe("parseMoney", () => {
  it("moves decimal digits instead of multiplying floats", () => {
    expect(parseMoney("12.3", "USD")).toBe(1230);
    expect(parseMoney("12.34", "USD")).toBe(1234);
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseMoney("0.29", "USD")).toBe(29);
    expect(parseMoney(0.29, "USD")).toBe(29);
    expect(parseMoney("1.005", "KWD")).toBe(1005);
    expect(parseMoney("1500", "JPY")).toBe(1500);
  });

  it("accepts signs, bare points, surrounding spaces and trailing zeros", () => {
    expect(parseMoney("-0.50", "USD")).toBe(-50);
    expect(parseMoney("+3", "USD")).toBe(300);
    expect(parseMoney(".5", "USD")).toBe(50);
    expect(parseMoney("12.", "USD")).toBe(1200);
    expect(parseMoney(" 9.99 ", "USD")).toBe(999);
    expect(parseMoney("12.300", "USD")).toBe(1230);
    expect(parseMoney("1500.00", "JPY")).toBe(1500);
  });

  it("returns 0, not -0, for a negative zero", () => {
    expect(Object.is(parseMoney("-0.00", "USD"), 0)).toBe(true);
  });

  it.each([
    ["abc", /not a decimal amount: "abc"/],
    ["1e5", /not a decimal amount: "1e5"/],
    ["", /not a decimal amount: ""/],
    [".", /not a decimal amount/],
    ["-", /not a decimal amount/],
    ["1,000.00", /not a decimal amount: "1,000.00"/],
    ["$12", /not a decimal amount/],
    ["12.345", /"12.345" has more decimals than USD allows \(2\)/],
    ["1.5", /"1.5" has more decimals than JPY allows \(0\)/],
    ["90071992547409.93", /too large/],
  ])("rejects %j with a RangeError naming the value", (amount, message) => {
    const currency = amount === "1.5" ? "JPY" : "USD";
    expect(() => parseMoney(amount, currency)).toThrow(RangeError);
    expect(() => parseMoney(amount, currency)).toThrow(message);
  });

  it("rejects numbers that are not plain decimals", () => {
    expect(() => parseMoney(Number.NaN, "USD")).toThrow(/not a decimal amount: NaN/);
    expect(() => parseMoney(Infinity, "USD")).toThrow(/Infinity/);
    expect(() => parseMoney(1e21, "USD")).toThrow(/1e\+21/);
  });

  it("rejects a malformed currency before looking at the amount", () => {
    expect(() => parseMoney("1.00", "dollars")).toThrow(/currency code/);
  });
});

describe("formatMoney", () => {
  it("writes minor units as a plain decimal string in the currency's precision", () => {
    expect(formatMoney(1234, "USD")).toBe("12.34");
    expect(formatMoney(1234, "JPY")).toBe("1234");
    expect(formatMoney(1234, "KWD")).toBe("1.234");
    expect(formatMoney(5, "USD")).toBe("0.05");
    expect(formatMoney(0, "USD")).toBe("0.00");
    expect(formatMoney(0, "JPY")).toBe("0");
  });

  it("puts the sign before the whole amount", () => {
    expect(formatMoney(-50, "USD")).toBe("-0.50");
    expect(formatMoney(-5, "JPY")).toBe("-5");
  });

  it("round-trips with parseMoney", () => {
    for (const minor of [0, 1, 99, 100, 123_456_789, -1, -100_001]) {
      for (const currency of ["USD", "JPY", "KWD"]) {
        expect(parseMoney(formatMoney(minor, currency), currency)).toBe(minor);
      }
    }
  });

  it.each([1.5, Number.NaN, 2 ** 53])("rejects %s minor units", (minor) => {
    expect(() => formatMoney(minor, "USD")).toThrow(RangeError);
  });
});
