/**
 * Number and date formatting for every widget, through `Intl` only: the element's `lang` (or the
 * nearest ancestor's) picks the locale, so a German page reads "5,5 %" and "4. Nov. 2026".
 */

/**
 * The locale an element should format with: its own `lang`, else the closest ancestor's, else the
 * browser default. A tag `Intl` rejects (say `lang="not a locale"`) falls back to the browser
 * default instead of throwing inside a render.
 *
 * @returns a canonical BCP 47 tag, or undefined (browser default) when no valid `lang` is set.
 * @example
 * resolveLocale(document.querySelector("icr-rate")!); // "de-DE" inside <html lang="de-DE">
 */
export function resolveLocale(el: Element): string | undefined {
  const lang = el.closest("[lang]")?.getAttribute("lang") || undefined;
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return undefined;
  }
}

/**
 * A percentage given in percent units (5 means 5%), with at most `digits` fraction digits.
 *
 * @returns the localized string; `null` gives "–" (no data), never "0%".
 * @example
 * formatPercent(6.53, "en");  // "6.53%"
 * formatPercent(5.5, "de");   // "5,5 %"
 * formatPercent(null, "en");  // "–"
 */
export function formatPercent(pct: number | null, locale?: string, digits = 2): string {
  return pct === null
    ? "–"
    : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(pct / 100);
}

/**
 * A whole count with the locale's grouping.
 *
 * @returns the localized string; 0 gives "0", a missing count (undefined) "–".
 * @example
 * formatCount(1000, "en"); // "1,000"
 * formatCount(1000, "fr"); // "1 000" (narrow no-break space)
 */
export function formatCount(n: number | undefined, locale?: string): string {
  return n === undefined ? "–" : new Intl.NumberFormat(locale).format(n);
}

/**
 * A `YYYY-MM-DD` day or day range, read as calendar dates (UTC), so a visitor west of Greenwich
 * does not see the day before.
 *
 * @returns the localized date (or range when `to` is given and differs); "" for an empty `from`.
 * @example
 * formatDays("2026-11-04", "2026-12-03", "en"); // "Nov 4 – Dec 3, 2026"
 * formatDays("2026-11-04", undefined, "en");    // "Nov 4, 2026"
 */
export function formatDays(from: string, to?: string, locale?: string): string {
  if (from === "") return "";
  const f = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const start = new Date(`${from}T00:00:00Z`);
  return to && to !== from ? f.formatRange(start, new Date(`${to}T00:00:00Z`)) : f.format(start);
}
