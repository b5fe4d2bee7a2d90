/**
 * The domain's vocabulary. Every function in this package speaks these types; the app, the CLI and
 * the widgets convert their inputs to them (see the `normalize-*` modules) and display what comes out.
 * Times are epoch milliseconds (UTC); money is integer minor units of the shop currency.
 */

/** What credited an order, in default precedence order. */
export type Rule = "code" | "link" | "utm";

/** The action a campaign is after. */
export type Goal = "purchase" | "signup";

/** What a rate is divided by. */
export type Denominator = "clicks" | "engagements";

/** Which link/UTM touch wins when several fall inside the window. */
export type TouchModel = "last" | "first";

/** Why a valid order is not a conversion, checked in this order. */
export type ExclusionReason = "test" | "cancelled" | "refunded" | "selfReferral" | "outsideWindow";

/** Integer amount in the currency's minor unit (cents for USD, yen for JPY). Never a float sum. */
export type MinorUnits = number;

/** UTM parameters as found on a URL; every value lower-cased and trimmed, absent when empty. */
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  content?: string;
  term?: string;
}

/** An influencer on the shop's roster. `id` is stable (the handle in the CLI, a database id in the app). */
export interface Influencer {
  id: string;
  handle: string;
  name?: string;
  /** Normalized with `normalizeEmail` (or a salted hash of that): compared for equality only. */
  email?: string;
  /** Shopify customer id of the influencer, when they are also a customer (self-referral). */
  customerId?: string;
  /** Value matched against `utm_content` instead of the handle, when set. */
  utm?: string;
  /** Campaign credited when the evidence names none. */
  campaign?: string;
  platform?: string;
  tags: string[];
}

/** A discount code assigned to an influencer (optionally for one campaign). */
export interface CodeAssignment {
  code: string;
  influencerId: string;
  campaign?: string;
}

/** A share link (`/r/{slug}`). */
export interface ShareLink {
  slug: string;
  influencerId: string;
  campaign?: string;
  platform?: string;
}

/** A campaign. `type` is free text the merchant chooses (gifting, affiliate, sponsored post, …). */
export interface Campaign {
  id: string;
  name?: string;
  goal: Goal;
  type?: string;
  startsAt?: number;
  endsAt?: number;
}

/**
 * A share-link click as recorded. `influencerId` and `campaign` are those of the link at the time
 * of the click (links can be re-assigned later; a click keeps who it was for).
 */
export interface Click {
  id: string;
  at: number;
  link: string;
  influencerId: string;
  campaign?: string;
  /** Hash of IP + user agent, salted per shop. */
  visitor: string;
  userAgent?: string;
  method?: string;
  country?: string;
  device?: string;
}

/** A click after `classifyClicks`: bots and repeats stay recorded but are not counted. */
export interface ClassifiedClick extends Click {
  bot: boolean;
  /** True when the click enters the denominator (human, first in its 60-minute window). */
  counted: boolean;
}

/** Engagements the merchant imported for one influencer (and campaign) on one day. */
export interface Engagement {
  day: string; // YYYY-MM-DD
  influencerId: string;
  campaign?: string;
  count: number;
}

/** Where a visit's evidence was read from. */
export type VisitSource = "landing_site" | "first_visit" | "last_visit" | "pixel";

/** A visit Shopify saw before the order (landing page, journey first/last visit, pixel event). */
export interface Visit {
  source: VisitSource;
  /** When the visit happened; absent for `landing_site`, which is the ordering session itself. */
  at?: number;
  utm: Utm;
  /** `icr_click` found on the landing URL, if any. */
  clickId?: string;
  /** Shopify's `referralCode` / `ref` parameter, if any. */
  referralCode?: string;
}

/** Customer kind at the time of the order. */
export type CustomerType = "new" | "returning";

/**
 * The facts about one order that attribution needs, and nothing about the customer beyond
 * comparable keys. Produced by `normalizeWebhookOrder`, `normalizeGraphqlOrder`, `normalizeExportRows`.
 */
export interface Order {
  id: string;
  /** "purchase" for orders (default); a sign-up is represented as an order with goal "signup" and subtotal 0. */
  goal?: Goal;
  /** Display name, e.g. "#1001". */
  name: string;
  createdAt: number;
  /** Shopify's `updated_at`: later facts win over earlier ones. */
  updatedAt: number;
  currency: string;
  /** `current_subtotal_price` in minor units: after discounts, returns and edits, before shipping and tax. */
  subtotal: MinorUnits;
  test: boolean;
  cancelled: boolean;
  /** Fully refunded (financial status `refunded`, or refunds cover the whole subtotal). */
  refunded: boolean;
  customerId?: string;
  /** Normalized with `normalizeEmail` (or a salted hash of that). */
  customerEmail?: string;
  customerType?: CustomerType;
  country?: string;
  device?: string;
  /** Product ids or handles on the order's line items. */
  products: string[];
  /** Discount codes as given on the order, in the order's own list order. */
  discountCodes: string[];
  /** Click ids from `note_attributes._icr_click` and pixel events. */
  clickIds: string[];
  visits: Visit[];
}

/** One piece of evidence naming an influencer for an order. */
export interface Evidence {
  rule: Rule;
  influencerId: string;
  campaign: string | null;
  /** When the touch happened (click or visit time); absent for discount codes and landing_site. */
  at?: number;
  /** What was seen: the code as typed, the click id, or the utm_content value. */
  value: string;
  /** Where it was read from, e.g. "discount_codes", "note_attributes", "landing_site", "first_visit". */
  source: string;
  /** Slug of the share link that was clicked (link evidence only), so a receipt can name the link. */
  link?: string;
}

/** Settings that change attribution; every field configurable per shop. */
export interface AttributionSettings {
  windowDays: number;
  touch: TouchModel;
  /** Highest precedence first. Default: code, link, utm. */
  precedence: Rule[];
  selfReferral: { byEmail: boolean; byCustomerId: boolean };
}

/** Dimensions of a conversion that clicks do not carry, kept for segment rollups. */
export interface ConversionSegments {
  customerType?: CustomerType;
  country?: string;
  device?: string;
  products: string[];
}

/** The answer for one order, with everything needed to explain it. */
export interface Attribution {
  orderId: string;
  orderName: string;
  goal: Goal;
  createdAt: number;
  status: "attributed" | "excluded" | "unattributed";
  /** Set when `status` is "excluded". */
  excludedReason: ExclusionReason | null;
  influencerId: string | null;
  campaign: string | null;
  rule: Rule | null;
  /** The evidence that won (one item), or, for an exclusion, the evidence that would have won. */
  evidence: Evidence[];
  /** Evidence for other influencers, or lower-precedence evidence, that lost. */
  overruled: Evidence[];
  /** Evidence that fell outside the window (kept so the receipt can say so). */
  expired: Evidence[];
  /** Subtotal of an attributed order in minor units; 0 otherwise. */
  revenue: MinorUnits;
  currency: string;
  segments: ConversionSegments;
}

/** Segment dimensions stored in rollups beside the base rows (others derive from roster and campaigns). */
export type RollupDimension = "country" | "device" | "customerType" | "product";

/** Conversions by the rule that credited them. */
export interface RuleCounts {
  code: number;
  link: number;
  utm: number;
}

/**
 * Additive counts for one day, influencer and campaign; `dimension`/`value` are "" for the base row
 * and name a segment otherwise (clicks carry country and device; conversions all four).
 * Rows merge by adding fields, so a new attribution, a refund or a cancellation is a delta.
 */
export interface RollupRow {
  day: string; // YYYY-MM-DD in the shop's time zone
  influencerId: string;
  campaign: string | null;
  dimension: RollupDimension | "";
  value: string;
  clicks: number;
  botClicks: number;
  engagements: number;
  purchase: RuleCounts;
  signup: RuleCounts;
  revenue: MinorUnits;
}

/** Thresholds under which a rate is flagged as resting on too little data. */
export interface LowSampleThresholds {
  minDenominator: number;
  minConversions: number;
}

/** A rate with its uncertainty, as every surface displays it. */
export interface RateEstimate {
  conversions: number;
  denominator: number;
  denominatorKind: Denominator;
  /** Percent, or null when the denominator is 0. */
  ratePct: number | null;
  /** Wilson interval in percent, or null when undefined (no denominator, or rate above 100%). */
  ci95Pct: [number, number] | null;
  lowSample: boolean;
  /** Rate above 100% (possible with engagements or code-only conversions): shown, and flagged. */
  aboveHundred: boolean;
}
