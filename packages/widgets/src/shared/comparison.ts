import { html } from "lit/html.js";

/**
 * The 95% interval line, shared by the rate and the calculator. `pct` formats a percentage in the
 * widget's locale.
 *
 * @returns a template: "95% interval 3.81% – 6.53%".
 * @example
 * html`${intervalText([3.81, 6.53], pct)}`;
 */
export const intervalText = ([low, high]: readonly [number, number], pct: (v: number) => string) =>
  html`<p part="interval">95% interval ${pct(low)} – ${pct(high)}</p>`;

/**
 * Where a rate falls against a benchmark range, shared by the rate and the calculator. The ends
 * count as within, as in @icr/metrics' `placeAgainstBenchmark` (not imported: its module carries
 * the whole industry table, 2 kB gzipped, which the 10 kB budget cannot take).
 *
 * @returns a template: "Above the Retail range (1.5% – 3%)"; an empty string for a range that is
 * not finite with low ≤ high (missing, NaN, reversed).
 * @example
 * html`${benchmarkText(5, 1.5, 3, "Retail", pct)}`;
 */
export function benchmarkText(
  rate: number,
  low: number | undefined,
  high: number | undefined,
  label: string,
  pct: (v: number) => string,
) {
  if (!(Number.isFinite(low) && Number.isFinite(high) && low! <= high!)) return "";
  const place = rate < low! ? "Below" : rate > high! ? "Above" : "Within";
  return html`<p part="benchmark">${place} the ${label} range (${pct(low!)} – ${pct(high!)})</p>`;
}
