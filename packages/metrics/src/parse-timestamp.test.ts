import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./parse-timestamp.js";

describe("parseTimestamp", () => {
  const expected = Date.UTC(2026, 2, 1, 15, 15, 0);

  it.each([
    ["2026-03-01T10:15:00-05:00", expected],
    ["2026-03-01T15:15:00Z", expected],
    ["2026-03-01T15:15:00.000Z", expected],
    ["2026-03-01T15:15:00.123456Z", expected + 123],
    ["2026-03-01T15:15Z", expected],
    ["2026-03-01 10:15:00 -0500", expected],
    ["2026-03-01 16:15:00 +0100", expected],
    ["2026-03-01T20:45:00+05:30", expected],
    [" 2026-03-01T15:15:00z ", expected],
  ])("reads %j", (text, at) => {
    expect(parseTimestamp(text)).toBe(at);
  });

  it.each(["", "2026-03-01", "2026-03-01 10:15:00", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "yesterday", "1772378100000"])(
    "refuses %j",
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );
});
