/**
 * The database, in one Drizzle (PostgreSQL) schema. Every table that holds shop data carries
 * `shop_id` and cascades on the shop's deletion, so `shop/redact` erases a shop with one statement.
 * Customer identity is kept only as per-shop salted hashes; no names, no addresses, no raw IPs.
 * Times are `timestamptz`; money is integer minor units in `bigint` (read as JS numbers, which are
 * exact up to 2^53 minor units).
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AttributionSettings, ConversionSegments, Evidence, LowSampleThresholds, Visit } from "@icr/metrics";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const money = (name: string) => bigint(name, { mode: "number" });
const shopRef = () =>
  integer("shop_id")
    .notNull()
    .references(() => shops.id, { onDelete: "cascade" });

/** Shopify sessions, in the exact shape `@shopify/shopify-app-session-storage-drizzle` expects. */
export const sessionTable = pgTable("session", {
  id: text("id").primaryKey(),
  shop: text("shop").notNull(),
  state: text("state").notNull(),
  isOnline: boolean("isOnline").default(false).notNull(),
  scope: text("scope"),
  expires: timestamp("expires", { mode: "date" }),
  accessToken: text("accessToken").notNull(),
  userId: bigint("userId", { mode: "number" }),
  firstName: text("firstName"),
  lastName: text("lastName"),
  email: text("email"),
  accountOwner: boolean("accountOwner"),
  locale: text("locale"),
  collaborator: boolean("collaborator"),
  emailVerified: boolean("emailVerified"),
  refreshToken: text("refreshToken"),
  refreshTokenExpires: timestamp("refreshTokenExpires", { mode: "date" }),
});

/** One row per installed (or once installed) shop. `salt` keys every hash of that shop's visitors and customers. */
export const shops = pgTable("shops", {
  id: serial("id").primaryKey(),
  domain: text("domain").notNull().unique(),
  salt: text("salt").notNull(),
  /** Unguessable id that names the shop in public URLs (widgets API, pixel) instead of its domain. */
  publicKey: text("public_key")
    .notNull()
    .unique()
    .default(sql`replace(gen_random_uuid()::text, '-', '')`),
  timezone: text("timezone").notNull().default("UTC"),
  currency: text("currency").notNull().default("USD"),
  installedAt: ts("installed_at").notNull().defaultNow(),
  uninstalledAt: ts("uninstalled_at"),
});

/** Per-shop settings: a partial of the attribution settings (defaults fill the rest) and request handling. */
export const shopSettings = pgTable("shop_settings", {
  shopId: shopRef().primaryKey(),
  attribution: jsonb("attribution").$type<Partial<AttributionSettings>>().notNull().default({}),
  /** Read the client IP from X-Forwarded-For (only behind a proxy the merchant trusts). */
  trustProxy: boolean("trust_proxy").notNull().default(false),
  /** Industry benchmark the shop compares against (an `INDUSTRY_BENCHMARKS` id). */
  industry: text("industry").notNull().default("retail"),
  /** Low-sample thresholds; null means the metric's defaults. */
  lowSample: jsonb("low_sample").$type<LowSampleThresholds>(),
  /** The merchant's own edits of benchmark ranges, by industry id. */
  benchmarks: jsonb("benchmarks").$type<Record<string, { lowPct: number; highPct: number; source?: string }>>()
    .notNull()
    .default({}),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const influencers = pgTable(
  "influencers",
  {
    id: text("id").primaryKey(),
    shopId: shopRef(),
    /** Lower-case; matched against `utm_content`. */
    handle: text("handle").notNull(),
    name: text("name"),
    /** HMAC(shop salt, normalized email): compared with order emails for self-referral. */
    emailHash: text("email_hash"),
    customerIdHash: text("customer_id_hash"),
    utm: text("utm"),
    /** Campaign key credited when the evidence names none. */
    defaultCampaign: text("default_campaign"),
    platform: text("platform"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** Commission the merchant pays: percent of net revenue (basis points) or fixed per conversion (minor units). */
    commissionKind: text("commission_kind", { enum: ["percent", "fixed"] }),
    commissionValue: integer("commission_value"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("influencers_shop_handle").on(t.shopId, t.handle)],
);

export const campaigns = pgTable(
  "campaigns",
  {
    shopId: shopRef(),
    /** Stable lower-case key: the `utm_campaign` value and the campaign id everywhere else. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    goal: text("goal", { enum: ["purchase", "signup"] }).notNull(),
    type: text("type"),
    startsAt: ts("starts_at"),
    endsAt: ts("ends_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.key] })],
);

export const discountCodes = pgTable(
  "discount_codes",
  {
    shopId: shopRef(),
    /** Lower-case code: Shopify matches codes case-insensitively, and so do we. */
    codeLower: text("code_lower").notNull(),
    code: text("code").notNull(),
    influencerId: text("influencer_id")
      .notNull()
      .references(() => influencers.id, { onDelete: "cascade" }),
    campaign: text("campaign"),
    /** The Shopify discount node gid, when the code exists in Shopify. */
    shopifyId: text("shopify_id"),
    origin: text("origin", { enum: ["created", "adopted"] }).notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.codeLower] })],
);

export const shareLinks = pgTable(
  "share_links",
  {
    id: text("id").primaryKey(),
    shopId: shopRef(),
    /** Globally unique: `/r/{slug}` on the app's own domain carries no shop. */
    slug: text("slug").notNull().unique(),
    influencerId: text("influencer_id")
      .notNull()
      .references(() => influencers.id, { onDelete: "cascade" }),
    campaign: text("campaign"),
    platform: text("platform"),
    destination: text("destination").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("share_links_shop_influencer").on(t.shopId, t.influencerId)],
);

export const clicks = pgTable(
  "clicks",
  {
    /** The click id carried as `icr_click` / `_icr_click`. */
    id: text("id").primaryKey(),
    // No foreign key: a per-row key check was a quarter of each click insert on the redirect's
    // hot path. insertClicks checks (and key-share locks) the shop once per batch instead, and
    // deleteShop deletes the shop's clicks itself.
    shopId: integer("shop_id").notNull(),
    linkId: text("link_id").notNull(),
    slug: text("slug").notNull(),
    influencerId: text("influencer_id").notNull(),
    campaign: text("campaign"),
    at: ts("at").notNull(),
    visitorHash: text("visitor_hash").notNull(),
    method: text("method").notNull(),
    bot: boolean("bot").notNull(),
    counted: boolean("counted").notNull(),
    country: text("country"),
    device: text("device"),
  },
  // The de-duplication lookup's index also serves the per-shop and per-link reads (its prefix).
  (t) => [index("clicks_dedupe").on(t.shopId, t.linkId, t.visitorHash, t.at)],
);

export const engagements = pgTable(
  "engagements",
  {
    shopId: shopRef(),
    day: text("day").notNull(),
    influencerId: text("influencer_id")
      .notNull()
      .references(() => influencers.id, { onDelete: "cascade" }),
    /** "" when the engagements belong to no campaign (part of the key). */
    campaign: text("campaign").notNull().default(""),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.day, t.influencerId, t.campaign] })],
);

/**
 * Order facts (and sign-ups, as goal "signup"). `subtotal` is the snapshot's current subtotal;
 * refunds the snapshot does not list yet (`snapshotRefundIds`) are subtracted when attributing,
 * so refunds/create may arrive before or after the order with the same result.
 */
export const orders = pgTable(
  "orders",
  {
    shopId: shopRef(),
    id: text("id").notNull(),
    goal: text("goal", { enum: ["purchase", "signup"] }).notNull(),
    name: text("name").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    currency: text("currency").notNull(),
    subtotal: money("subtotal").notNull(),
    test: boolean("test").notNull(),
    cancelled: boolean("cancelled").notNull(),
    refunded: boolean("refunded").notNull(),
    customerIdHash: text("customer_id_hash"),
    customerEmailHash: text("customer_email_hash"),
    customerType: text("customer_type", { enum: ["new", "returning"] }),
    country: text("country"),
    device: text("device"),
    products: text("products").array().notNull(),
    /** As given on the order, in its order. */
    discountCodes: text("discount_codes").array().notNull(),
    /** Lower-cased copy for the GIN index that finds orders to re-attribute when a code changes. */
    discountCodesLower: text("discount_codes_lower").array().notNull(),
    clickIds: text("click_ids").array().notNull(),
    visits: jsonb("visits").$type<Visit[]>().notNull(),
    snapshotRefundIds: text("snapshot_refund_ids").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index("orders_shop_created").on(t.shopId, t.createdAt),
    index("orders_codes").using("gin", t.discountCodesLower),
    index("orders_clicks").using("gin", t.clickIds),
  ],
);

/** Refunds by id, so a refund counts once whether it arrives before, after or inside an order snapshot. */
export const refunds = pgTable(
  "refunds",
  {
    shopId: shopRef(),
    id: text("id").notNull(),
    orderId: text("order_id").notNull(),
    /** Sum of the refunded line items' subtotals, in minor units. */
    subtotal: money("subtotal").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index("refunds_order").on(t.shopId, t.orderId)],
);

/** The current answer for each order, with its evidence, so rollups can be corrected by delta. */
export const attributions = pgTable(
  "attributions",
  {
    shopId: shopRef(),
    orderId: text("order_id").notNull(),
    orderName: text("order_name").notNull(),
    goal: text("goal", { enum: ["purchase", "signup"] }).notNull(),
    orderCreatedAt: ts("order_created_at").notNull(),
    status: text("status", { enum: ["attributed", "excluded", "unattributed"] }).notNull(),
    excludedReason: text("excluded_reason", {
      enum: ["test", "cancelled", "refunded", "selfReferral", "outsideWindow"],
    }),
    influencerId: text("influencer_id"),
    campaign: text("campaign"),
    rule: text("rule", { enum: ["code", "link", "utm"] }),
    evidence: jsonb("evidence").$type<Evidence[]>().notNull(),
    overruled: jsonb("overruled").$type<Evidence[]>().notNull(),
    expired: jsonb("expired").$type<Evidence[]>().notNull(),
    revenue: money("revenue").notNull(),
    currency: text("currency").notNull(),
    segments: jsonb("segments").$type<ConversionSegments>().notNull(),
    attributedAt: ts("attributed_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.orderId] }),
    index("attributions_shop_influencer").on(t.shopId, t.influencerId),
  ],
);

/** Additive daily counts (see `RollupRow`); `campaign` is "" for none so it can be part of the key. */
export const rollups = pgTable(
  "rollups",
  {
    shopId: shopRef(),
    day: text("day").notNull(),
    influencerId: text("influencer_id").notNull(),
    campaign: text("campaign").notNull(),
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    clicks: integer("clicks").notNull().default(0),
    botClicks: integer("bot_clicks").notNull().default(0),
    engagements: integer("engagements").notNull().default(0),
    purchaseCode: integer("purchase_code").notNull().default(0),
    purchaseLink: integer("purchase_link").notNull().default(0),
    purchaseUtm: integer("purchase_utm").notNull().default(0),
    signupCode: integer("signup_code").notNull().default(0),
    signupLink: integer("signup_link").notNull().default(0),
    signupUtm: integer("signup_utm").notNull().default(0),
    revenue: money("revenue").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.day, t.influencerId, t.campaign, t.dimension, t.value] })],
);

/** Webhook deliveries already processed, keyed by Shopify's event id (kept at least 7 days). */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    shopId: shopRef(),
    eventId: text("event_id").notNull(),
    topic: text("topic").notNull(),
    webhookId: text("webhook_id"),
    triggeredAt: ts("triggered_at"),
    receivedAt: ts("received_at").notNull().defaultNow(),
    outcome: text("outcome", { enum: ["processed", "dead_letter"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.eventId, t.topic] }),
    index("webhook_events_received").on(t.receivedAt),
  ],
);

/** Valid (signed) deliveries the app could not parse, with the raw body for a human to look at. */
export const deadLetters = pgTable(
  "dead_letters",
  {
    id: serial("id").primaryKey(),
    shopId: shopRef(),
    topic: text("topic").notNull(),
    eventId: text("event_id"),
    webhookId: text("webhook_id"),
    rawBody: text("raw_body").notNull(),
    error: text("error").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
  },
  (t) => [index("dead_letters_shop").on(t.shopId, t.receivedAt)],
);

/** Long work with stored progress (backfill, reconciliation, re-attribution), resumable after a crash. */
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    shopId: shopRef(),
    kind: text("kind", { enum: ["backfill", "reconcile", "reattribute"] }).notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] }).notNull(),
    /** Kind-specific progress (bulk operation id, lines done, cursor, counts): what the UI shows. */
    progress: jsonb("progress").$type<Record<string, unknown>>().notNull().default({}),
    error: text("error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
  },
  (t) => [index("jobs_shop_kind").on(t.shopId, t.kind, t.createdAt)],
);

/**
 * What the merchant chose to publish to the public metrics API (off unless a row says on).
 * `target` is "" for the overall scope, the influencer id or the campaign key otherwise.
 */
export const publications = pgTable(
  "publications",
  {
    shopId: shopRef(),
    widget: text("widget", { enum: ["rate", "leaderboard", "influencer-card", "trend"] }).notNull(),
    scope: text("scope", { enum: ["overall", "influencer", "campaign"] }).notNull(),
    target: text("target").notNull().default(""),
    enabled: boolean("enabled").notNull().default(true),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.widget, t.scope, t.target] })],
);

/** Checkout-funnel events from the web pixel: a click id, a checkout token and an event name, no customer data. */
export const pixelEvents = pgTable(
  "pixel_events",
  {
    id: serial("id").primaryKey(),
    shopId: shopRef(),
    /** Shopify's event id, so a retried beacon is stored once. */
    eventId: text("event_id").notNull(),
    name: text("name", {
      enum: ["page_viewed", "product_added_to_cart", "checkout_started", "checkout_completed"],
    }).notNull(),
    clickId: text("click_id"),
    influencerId: text("influencer_id"),
    checkoutToken: text("checkout_token"),
    orderId: text("order_id"),
    occurredAt: ts("occurred_at").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pixel_events_shop_event").on(t.shopId, t.eventId),
    index("pixel_events_shop_influencer").on(t.shopId, t.influencerId, t.occurredAt),
    index("pixel_events_shop_checkout").on(t.shopId, t.checkoutToken),
  ],
);

/** Portal invitations: the token itself is never stored, only its SHA-256; re-inviting replaces the row. */
export const influencerInvites = pgTable(
  "influencer_invites",
  {
    shopId: shopRef(),
    influencerId: text("influencer_id")
      .notNull()
      .references(() => influencers.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    lastUsedAt: ts("last_used_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.influencerId] })],
);
