import type { Denominator, Rule, RuleCounts } from "@icr/metrics";

/**
 * The report as `icr report --format json` prints it (METRICS.md §6). Key order is part of the
 * contract, so objects of these types are always built with their keys in the order declared here.
 * `engagements` appears only when the denominator is engagements.
 */
export interface ReportDocument {
  denominator: Denominator;
  windowDays: number;
  totals: ReportTotals;
  groups: ReportGroup[];
  excluded: ExcludedCounts;
  /** Valid orders with no evidence at all. */
  unattributed: number;
  /** One receipt per order, present with `--explain`. */
  orders?: OrderReceipt[];
}

export interface ReportTotals {
  /** Every distinct order read, test orders included. */
  orders: number;
  conversions: number;
  /** Human, de-duplicated clicks. */
  clicks: number;
  engagements?: number;
  /** Percent, 2 decimals; null when the denominator is 0. */
  conversionRatePct: number | null;
  /** Wilson 95% interval in percent, 2 decimals; null when the rate is null or above 100%. */
  ci95Pct: [number, number] | null;
  /** Decimal string in the shop currency, e.g. "1234.50". */
  revenue: string;
  currency: string;
}

export interface ReportGroup {
  key: string;
  /** The influencer's handle when the grouping has one, else null. */
  influencer: string | null;
  campaign: string | null;
  clicks: number;
  engagements?: number;
  conversions: number;
  conversionRatePct: number | null;
  ci95Pct: [number, number] | null;
  lowSample: boolean;
  revenue: string;
  byRule: RuleCounts;
}

/** Orders that are not conversions, by the first reason that applies (METRICS.md §4, rule 1 and 3). */
export interface ExcludedCounts {
  test: number;
  cancelled: number;
  refunded: number;
  selfReferral: number;
  outsideWindow: number;
}

/** Why one order was credited (or not), in words. */
export interface OrderReceipt {
  /** The order's display name, e.g. "#1001". */
  order: string;
  influencer: string | null;
  campaign: string | null;
  rule: Rule | null;
  /** The winning evidence first, then evidence that supports it. */
  evidence: string[];
  /** Evidence for other influencers (or lower-precedence evidence) that lost. */
  overruled: string[];
}
