import { describe, expect, it } from "vitest";
import { parseDay } from "./parse-day.js";

describe("parseDay", () => {
  // Leap-year rule of the Gregorian calendar: 2024 and 2000 are leap years, 2023 and 1900 are not.
  it("keeps calendar days, leap days included", () => {
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    expect(parseDay("2000-02-29")).toBe("2000-02-29");
    expect(parseDay(" 2024-12-31 ")).toBe("2024-12-31");
    expect(parseDay("0050-01-31")).toBe("0050-01-31");
  });

  it("rejects days that do not exist and other shapes", () => {
    for (const text of ["", "2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10", "2024-13-01", "2024-01-00", "2024-1-5", "05/03/2024", "2024-03-01T00:00Z"]) {
      expect(parseDay(text), text).toBeUndefined();
    }
  });
});
