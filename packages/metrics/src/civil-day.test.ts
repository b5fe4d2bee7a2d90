import { describe, expect, it } from "vitest";
import { dayNumberFromCivil, FIRST_DAY_NUMBER, formatDayNumber, LAST_DAY_NUMBER, MS_PER_DAY, parseDay } from "./civil-day.js";

describe("civil day numbers", () => {
  it("counts days from 1970-01-01", () => {
    expect(dayNumberFromCivil(1970, 1, 1)).toBe(0);
    expect(dayNumberFromCivil(1969, 12, 31)).toBe(-1);
    // Date.UTC(2000, 2, 1) / 86_400_000 = 11017.
    expect(dayNumberFromCivil(2000, 3, 1)).toBe(11_017);
    expect(dayNumberFromCivil(1, 1, 1)).toBe(FIRST_DAY_NUMBER);
    expect(dayNumberFromCivil(9999, 12, 31)).toBe(LAST_DAY_NUMBER);
  });

  it("agrees with Date over the whole representable range", () => {
    for (let n = FIRST_DAY_NUMBER + 366; n <= LAST_DAY_NUMBER; n += 997) {
      const expected = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
      expect(formatDayNumber(n)).toBe(expected);
      expect(parseDay(expected)).toBe(n);
    }
  });

  it("knows leap years (Gregorian: 2000 yes, 1900 and 2100 no)", () => {
    expect(parseDay("2000-03-01") - parseDay("2000-02-28")).toBe(2);
    expect(parseDay("1900-03-01") - parseDay("1900-02-28")).toBe(1);
    expect(() => parseDay("2100-02-29")).toThrow(RangeError);
    expect(formatDayNumber(parseDay("2024-02-29"))).toBe("2024-02-29");
  });

  it("pads years before 1000 to four digits", () => {
    expect(formatDayNumber(FIRST_DAY_NUMBER)).toBe("0001-01-01");
  });

  it.each(["2024-02-30", "2024-13-01", "2024-00-10", "2024-1-5", "24-01-05", "2024-01-05T00:00", "0000-01-01", ""])(
    "parseDay rejects %j",
    (text) => {
      expect(() => parseDay(text)).toThrow(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(text)}`);
    },
  );

  it("formatDayNumber rejects days outside years 1–9999 and fractions", () => {
    expect(() => formatDayNumber(LAST_DAY_NUMBER + 1)).toThrow(RangeError);
    expect(() => formatDayNumber(FIRST_DAY_NUMBER - 1)).toThrow(RangeError);
    expect(() => formatDayNumber(1.5)).toThrow(RangeError);
  });
});
