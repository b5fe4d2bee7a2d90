// How rates read everywhere in the admin: percent with 2 decimals, the 95% interval beside it, "No data" for null.
import type { RateEstimate } from "@icr/metrics";

/** "5.00%", or "No data" when the denominator is 0. */
export function formatPct(pct: number | null): string {
  return pct === null ? "No data" : `${pct.toFixed(2)}%`;
}

/** "3.81–6.53%", or "—" when the interval is undefined (no data, or a rate above 100%). */
export function formatInterval(ci: readonly [number, number] | null): string {
  return ci === null ? "—" : `${ci[0].toFixed(2)}–${ci[1].toFixed(2)}%`;
}

/** Why a rate deserves caution, in words (empty when it does not). */
export function rateWarnings(rate: Pick<RateEstimate, "lowSample" | "aboveHundred" | "denominator">): string[] {
  const warnings: string[] = [];
  if (rate.denominator > 0 && rate.lowSample) warnings.push("Low sample");
  if (rate.aboveHundred) warnings.push("Above 100%");
  return warnings;
}

/** "1,234" */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
