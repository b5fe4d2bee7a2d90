// Public API of @icr/metrics: one line per module, grouped by concern.
export type * from "./types.js";

// Attribution (METRICS.md §4), clicks (§5), and the normalizers that turn Shopify payloads into Orders.
export { InvalidInputError, type InputLocation } from "./errors.js";
export { normalizeEmail } from "./normalize-email.js";
export { parseLandingUrl, buildShareUrl, type LandingParams, type ShareParams } from "./parse-utm.js";
export { DEFAULT_ATTRIBUTION_SETTINGS, MAX_WINDOW_DAYS, resolveSettings, type PartialAttributionSettings } from "./settings.js";
export {
  buildAttributionIndex,
  lookupCodeEvidence,
  type AttributionIndex,
  type AttributionIndexInput,
  type ClickTarget,
  type CodeTarget,
  type IndexedInfluencer,
} from "./attribution-index.js";
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
