// Public API of @icr/metrics: one line per module, grouped by concern.
export type * from "./types.js";

// Attribution (METRICS.md §4), clicks (§5), and the normalizers that turn Shopify payloads into Orders.
export { InvalidInputError, type InputLocation } from "./errors.js";
export { normalizeEmail } from "./normalize-email.js";
export { parseLandingUrl, buildShareUrl, type LandingParams, type ShareParams } from "./parse-utm.js";
export { DEFAULT_ATTRIBUTION_SETTINGS, MAX_WINDOW_DAYS, resolveSettings, type PartialAttributionSettings } from "./settings.js";
export {
  buildAttributionIndex,
  matchCode,
  type AttributionIndex,
  type AttributionIndexInput,
  type CodeMatch,
  type CodeTarget,
  type IndexedInfluencer,
} from "./attribution-index.js";
export { ClickTable, type ClickTarget } from "./click-table.js";
export { attributeOrder } from "./attribute-order.js";
export { describeEvidence, explainAttribution } from "./explain.js";
export { DEDUPE_WINDOW_MS, classifyClick, classifyClicks, isBotUserAgent } from "./classify-clicks.js";
export { deviceFromUserAgent, type DeviceClass } from "./detect-device.js";
export { shopifyId } from "./shopify-id.js";
export { parseTimestamp } from "./parse-timestamp.js";
export { CLICK_ATTRIBUTE, UTM_ATTRIBUTE, readCartAttributes, type CartEvidence } from "./cart-attributes.js";
export { normalizeWebhookOrder } from "./normalize-webhook-order.js";
export { assembleBulkOrders, normalizeGraphqlOrder } from "./normalize-graphql-order.js";
export { TEST_TAG, normalizeExportRows, type ExportRow } from "./normalize-export-rows.js";

// Rates and their uncertainty (METRICS.md §1–3).
export { conversionRate } from "./conversion-rate.js";
export { roundTo } from "./round-to.js";
export { normalCdf } from "./normal-cdf.js";
export { normalQuantile } from "./normal-quantile.js";
export { wilsonInterval } from "./wilson.js";
export { DEFAULT_LOW_SAMPLE, isLowSample } from "./low-sample.js";
export { estimateRate, type EstimateRateOptions } from "./rate-estimate.js";
export { fitBetaPrior, WEAK_PRIOR_STRENGTH, type BetaPrior } from "./beta-prior.js";
export { rankInfluencers, type RankOptions, type RankedInfluencer } from "./rank.js";
export { compareRates, type CompareRatesOptions, type RateComparison, type RateSample } from "./compare-rates.js";
export { INDUSTRY_BENCHMARKS, describePlacement, findBenchmark, placeAgainstBenchmark, type IndustryBenchmark } from "./benchmarks.js";

// Money and time.
export { currencyDigits, formatMoney, parseMoney } from "./money.js";
export { dayOf, daysBetween, eachDay, monthOf, weekOf } from "./calendar.js";

// Daily rollups and the reports built from them.
export {
  addCounts,
  attributionDelta,
  attributionRollup,
  clickRollup,
  emptyCounts,
  engagementRollup,
  mergeRollups,
  rollupKey,
  type RollupCoordinates,
  type RollupCounts,
} from "./rollup.js";
export { GROUP_BY_VALUES, parseGroupBy, type GroupBy } from "./group-by.js";
export { summarize, type GroupSummary, type Summary, type SummarizeOptions } from "./summarize.js";
