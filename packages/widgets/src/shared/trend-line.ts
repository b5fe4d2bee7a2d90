import { html } from "lit/html.js";
import type { TrendPoint } from "./contract.js";
import { formatDays, formatPercent } from "./format.js";
import { linePath } from "./line-path.js";
import { NO_DATA } from "./text.js";

/**
 * The text a screen reader hears for a trend line (the SVG itself says nothing): the period, the
 * first and last known rates and the highest one.
 *
 * @returns e.g. "Nov 4 – 6, 2026: 6.67% to 4%, highest 8%"; "No data yet" when no day has a rate.
 * @example
 * trendSummary([{ day: "2026-11-04", ratePct: 2 }, { day: "2026-11-05", ratePct: 3 }], "en");
 * // "Nov 4 – 5, 2026: 2% to 3%, highest 3%"
 */
export function trendSummary(points: readonly TrendPoint[], locale?: string): string {
  const known = points.filter((p) => p.ratePct !== null) as { ratePct: number }[];
  const pct = (v: number) => formatPercent(v, locale);
  return known.length
    ? `${formatDays(points[0]!.day, points.at(-1)!.day, locale)}: ${pct(known[0]!.ratePct)} to ${pct(known.at(-1)!.ratePct)}, highest ${pct(Math.max(...known.map((p) => p.ratePct)))}`
    : NO_DATA;
}

/**
 * The daily rate as an SVG line scaled from 0 to the highest day, stretched to the element's box,
 * named for screen readers by `trendSummary`. Used by the trend chart and the card's sparkline.
 *
 * @returns an `<svg part=…>` template; for no points, an empty line (the caller shows its own text).
 * @example
 * html`${trendLine(data.trend, 300, 100, "chart", "en")}`;
 */
export function trendLine(points: readonly TrendPoint[], width: number, height: number, part: string, locale?: string) {
  const values = points.map((p) => p.ratePct);
  return html`<svg part=${part} viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label=${trendSummary(points, locale)}>
    <path part="line" d=${linePath(values, width, height, Math.max(0, ...values.map(Number)))} vector-effect="non-scaling-stroke" />
  </svg>`;
}
