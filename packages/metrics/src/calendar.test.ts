import { describe, expect, it } from "vitest";
import { dayOf, daysBetween, eachDay, monthOf, weekOf } from "./calendar.js";

const referenceFormatters = new Map<string, Intl.DateTimeFormat>();

/** Intl's own answer, one formatter call per timestamp: the slow reference dayOf must agree with. */
function referenceDay(at: number, timeZone: string): string {
  let formatter = referenceFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    referenceFormatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

describe("dayOf", () => {
  it("gives the UTC day by default", () => {
    expect(dayOf(Date.UTC(2024, 0, 1, 3))).toBe("2024-01-01");
    expect(dayOf(Date.UTC(2024, 0, 1, 0, 0, 0, 0))).toBe("2024-01-01");
    expect(dayOf(Date.UTC(2023, 11, 31, 23, 59, 59, 999))).toBe("2023-12-31");
  });

  it("gives the local day in the shop's zone", () => {
    expect(dayOf(Date.UTC(2024, 0, 1, 3), "America/Los_Angeles")).toBe("2023-12-31");
    expect(dayOf(Date.UTC(2024, 0, 1, 23), "Asia/Tokyo")).toBe("2024-01-02");
    // India is UTC+5:30: local midnight falls at 18:30 UTC.
    expect(dayOf(Date.UTC(2024, 5, 1, 18, 29, 59), "Asia/Kolkata")).toBe("2024-06-01");
    expect(dayOf(Date.UTC(2024, 5, 1, 18, 30), "Asia/Kolkata")).toBe("2024-06-02");
  });

  it("follows daylight-saving changes to the second (US spring forward, 2024-03-10)", () => {
    // New York: EST (UTC-5) until 07:00 UTC on 2024-03-10, EDT (UTC-4) after.
    expect(dayOf(Date.UTC(2024, 2, 10, 4, 59, 59), "America/New_York")).toBe("2024-03-09");
    expect(dayOf(Date.UTC(2024, 2, 10, 5, 0, 0), "America/New_York")).toBe("2024-03-10");
    expect(dayOf(Date.UTC(2024, 2, 11, 3, 59, 59), "America/New_York")).toBe("2024-03-10");
    expect(dayOf(Date.UTC(2024, 2, 11, 4, 0, 0), "America/New_York")).toBe("2024-03-11");
  });

  it("handles a zone that skipped a whole day (Samoa jumped from 2011-12-29 to 12-31)", () => {
    expect(dayOf(Date.UTC(2011, 11, 30, 9, 59, 59), "Pacific/Apia")).toBe("2011-12-29");
    expect(dayOf(Date.UTC(2011, 11, 30, 10, 0, 0), "Pacific/Apia")).toBe("2011-12-31");
  });

  it("agrees with Intl in awkward zones, across their offset changes, in any call order", () => {
    const zones = ["America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "Europe/London", "America/Sao_Paulo"];
    const start = Date.UTC(2019, 0, 1);
    const step = 3 * 60 * 60 * 1000 + 7 * 60 * 1000 + 13_000; // not a divisor of an hour or a day
    const times = Array.from({ length: 2_000 }, (_, i) => start + i * step);
    for (const timeZone of zones) {
      for (const at of [...times].reverse()) expect(dayOf(at, timeZone)).toBe(referenceDay(at, timeZone));
    }
  });

  it("agrees with Intl minute by minute around a half-hour DST change (Lord Howe, 2024-04-07)", () => {
    const around = Date.UTC(2024, 3, 6, 15, 0);
    for (let minute = -90; minute <= 90; minute++) {
      const at = around + minute * 60_000;
      expect(dayOf(at, "Australia/Lord_Howe")).toBe(referenceDay(at, "Australia/Lord_Howe"));
    }
  });

  it("throws a RangeError for an unknown zone", () => {
    expect(() => dayOf(0, "Mars/Olympus_Mons")).toThrow(/unknown time zone: "Mars\/Olympus_Mons"/);
    expect(() => dayOf(0, "")).toThrow(RangeError);
  });

  it.each([Number.NaN, Infinity, -Infinity, 8.64e15, "1700000000000" as unknown as number])(
    "throws a RangeError for the timestamp %s",
    (at) => {
      expect(() => dayOf(at)).toThrow(/not a timestamp/);
    },
  );
});

describe("weekOf", () => {
  it("names an ISO week (Monday start) by its Monday", () => {
    expect(weekOf("2024-01-01")).toBe("2024-01-01"); // a Monday
    expect(weekOf("2024-01-03")).toBe("2024-01-01");
    expect(weekOf("2024-01-07")).toBe("2024-01-01"); // Sunday ends the week
    expect(weekOf("2024-01-08")).toBe("2024-01-08");
    // ISO week 1 of 2025 starts on Monday 2024-12-30.
    expect(weekOf("2025-01-01")).toBe("2024-12-30");
    expect(weekOf("1970-01-01")).toBe("1969-12-29");
  });

  it("throws a RangeError for a malformed day", () => {
    expect(() => weekOf("2024-02-30")).toThrow(RangeError);
  });
});

describe("monthOf", () => {
  it("is the day's YYYY-MM", () => {
    expect(monthOf("2024-02-29")).toBe("2024-02");
    expect(monthOf("1999-12-31")).toBe("1999-12");
  });

  it("throws a RangeError for a malformed day", () => {
    expect(() => monthOf("2024-02")).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it("counts whole days, signed", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(daysBetween("2024-01-01", "2024-01-01")).toBe(0);
    expect(daysBetween("2023-01-01", "2024-01-01")).toBe(365);
  });

  it("throws a RangeError for a malformed day", () => {
    expect(() => daysBetween("2024-01-01", "tomorrow")).toThrow(/"tomorrow"/);
  });
});

describe("eachDay", () => {
  it("lists every day, both ends included", () => {
    expect(eachDay("2024-02-28", "2024-03-01")).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(eachDay("2024-01-01", "2024-01-01")).toEqual(["2024-01-01"]);
  });

  it("is empty when the range runs backwards", () => {
    expect(eachDay("2024-03-01", "2024-02-28")).toEqual([]);
  });

  it("refuses ranges longer than 100,000 days", () => {
    expect(() => eachDay("0001-01-01", "9999-12-31")).toThrow(/more than 100000 days/);
  });
});
