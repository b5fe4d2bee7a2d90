import { afterEach, describe, expect, it } from "vitest";
import { formatCount, formatDays, formatPercent, resolveLocale } from "./format.js";

describe("resolveLocale", () => {
  afterEach(() => document.body.replaceChildren());

  it("takes the element's own lang first, then the closest ancestor's", () => {
    document.body.innerHTML = `<section lang="de-DE"><p id="inner"></p><p id="own" lang="fr"></p></section>`;
    expect(resolveLocale(document.getElementById("inner")!)).toBe("de-DE");
    expect(resolveLocale(document.getElementById("own")!)).toBe("fr");
  });

  it("canonicalizes the tag", () => {
    document.body.innerHTML = `<p lang="EN-us"></p>`;
    expect(resolveLocale(document.body.firstElementChild!)).toBe("en-US");
  });

  it("falls back to the browser default (undefined) for no lang or one Intl rejects", () => {
    document.documentElement.removeAttribute("lang");
    document.body.innerHTML = `<p id="none"></p><p id="bad" lang="not a locale!"></p><p id="empty" lang=""></p>`;
    expect(resolveLocale(document.getElementById("none")!)).toBeUndefined();
    expect(resolveLocale(document.getElementById("bad")!)).toBeUndefined();
    expect(resolveLocale(document.getElementById("empty")!)).toBeUndefined();
  });
});

describe("formatPercent", () => {
  it("formats percent units (5 means 5%) with at most 2 decimals", () => {
    expect(formatPercent(5, "en")).toBe("5%");
    expect(formatPercent(6.53, "en")).toBe("6.53%");
    expect(formatPercent(12.14, "en")).toBe("12.14%");
    expect(formatPercent(0.125, "en")).toBe("0.13%");
    expect(formatPercent(0, "en")).toBe("0%");
    expect(formatPercent(150, "en")).toBe("150%");
  });

  it("follows the locale's decimal mark and spacing (CLDR: de and fr write '5,5 %' with a no-break space)", () => {
    expect(formatPercent(5.5, "de")).toMatch(/^5,5[\u00a0\u202f]%$/);
    expect(formatPercent(5.5, "fr")).toMatch(/^5,5[\u00a0\u202f]%$/);
  });

  it("shows null (no denominator) as a dash, never 0%", () => {
    expect(formatPercent(null, "en")).toBe("–");
  });

  it("takes another number of decimals", () => {
    expect(formatPercent(6.537, "en", 1)).toBe("6.5%");
  });
});

describe("formatCount", () => {
  it("groups thousands the locale's way", () => {
    expect(formatCount(1000, "en")).toBe("1,000");
    expect(formatCount(1234567, "de")).toBe("1.234.567");
    expect(formatCount(0, "en")).toBe("0");
  });

  it("shows a missing count as a dash", () => {
    expect(formatCount(undefined, "en")).toBe("–");
  });
});

describe("formatDays", () => {
  // The test browser runs in America/Los_Angeles: reading a day as local midnight would show the day before.
  it("reads YYYY-MM-DD as a calendar day, whatever the visitor's time zone", () => {
    expect(formatDays("2026-11-04", undefined, "en-US")).toBe("Nov 4, 2026");
    expect(formatDays("2026-01-01", undefined, "en-US")).toBe("Jan 1, 2026");
  });

  it("formats a range as the locale writes it", () => {
    expect(formatDays("2026-11-04", "2026-12-03", "en-US")).toBe("Nov 4 – Dec 3, 2026");
    expect(formatDays("2026-11-04", "2026-12-03", "de-DE")).toMatch(/^04\.11\.\s?–\s?03\.12\.2026$/);
  });

  it("gives a single day when both ends are the same, and '' for no day", () => {
    expect(formatDays("2026-11-04", "2026-11-04", "en-US")).toBe("Nov 4, 2026");
    expect(formatDays("", undefined, "en-US")).toBe("");
  });
});
