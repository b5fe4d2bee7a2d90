/**
 * The demo shop's story as plain data, generated from a seeded PRNG so every run tells the same
 * one (relative to "now"): 20 influencers on five platforms with tags, 5 campaigns (purchase and
 * sign-up goals), 90 days of share-link clicks with bots and repeats, and the webhook deliveries
 * Shopify would send (orders by code, link and UTM, duplicates, refunds, cancellations, a
 * self-referral, conflicting evidence, evidence outside the window, test orders, sign-ups).
 * `demo-seed.server.ts` plays it through the real services; nothing here touches a database.
 */
import { deviceFromUserAgent } from "@icr/metrics";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days of history the demo covers, ending today. */
export const DEMO_DAYS = 90;

export interface DemoCampaign {
  key: string;
  name: string;
  goal: "purchase" | "signup";
  type: string;
  startsAt: number;
  endsAt: number | null;
}

export interface DemoLink {
  /** Stable key inside the plan (the real slug is random, chosen by the roster service). */
  key: string;
  platform: string;
  campaign: string;
  destination: string;
}

export interface DemoInfluencer {
  handle: string;
  name: string;
  platform: string;
  tags: string[];
  defaultCampaign: string;
  /** Set for the influencer whose own order is the demo's self-referral. */
  email?: string;
  code: { code: string; campaign: string; percentage: number; adopt: boolean };
  links: DemoLink[];
  /** Commission in basis points of net revenue (percent kind). */
  commissionBps?: number;
  /** Expected human clicks per day and conversion probability per counted click (the story's truth). */
  clicksPerDay: number;
  conversion: number;
}

export interface DemoClick {
  id: string;
  at: number;
  influencer: string;
  linkKey: string;
  campaign: string;
  ip: string;
  userAgent: string;
  method: "GET" | "HEAD";
  country: string;
  device?: string;
}

export interface DemoDelivery {
  topic: "orders/create" | "orders/updated" | "orders/cancelled" | "refunds/create" | "customers/create";
  /** X-Shopify-Event-Id; a repeated delivery reuses it. */
  eventId: string;
  at: number;
  payload: Record<string, unknown>;
}

export interface DemoEngagement {
  day: string;
  influencer: string;
  campaign: string;
  count: number;
}

export interface DemoPlan {
  now: number;
  campaigns: DemoCampaign[];
  influencers: DemoInfluencer[];
  clicks: DemoClick[];
  deliveries: DemoDelivery[];
  engagements: DemoEngagement[];
  /** Handle of the influencer the demo's portal invite is for. */
  portalInfluencer: string;
}

/**
 * Deterministic PRNG (mulberry32): the same seed gives the same sequence on every machine.
 *
 * @example const random = mulberry32(42); random(); // 0.6011…
 * @returns a function returning floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CAMPAIGNS: readonly Omit<DemoCampaign, "startsAt" | "endsAt">[] = [
  { key: "spring-drop", name: "Spring drop", goal: "purchase", type: "sponsored post" },
  { key: "summer-sale", name: "Summer sale", goal: "purchase", type: "affiliate" },
  { key: "creator-kit", name: "Creator kit gifting", goal: "purchase", type: "gifting" },
  { key: "newsletter", name: "Newsletter sign-ups", goal: "signup", type: "sponsored post" },
  { key: "vip-waitlist", name: "VIP waitlist", goal: "signup", type: "affiliate" },
];

/** [handle, name, platform, tags, default campaign, clicks/day, conversion]. */
const ROSTER: readonly [string, string, string, string[], string, number, number][] = [
  ["maya.styles", "Maya Chen", "instagram", ["macro", "fashion"], "spring-drop", 26, 0.034],
  ["jonfit", "Jon Okafor", "youtube", ["macro", "fitness"], "summer-sale", 22, 0.041],
  ["lenabakes", "Lena Fischer", "tiktok", ["micro", "food"], "creator-kit", 14, 0.052],
  ["theo.tech", "Theo Martin", "youtube", ["micro", "tech"], "summer-sale", 12, 0.022],
  ["sana.glow", "Sana Iqbal", "instagram", ["micro", "beauty"], "spring-drop", 11, 0.047],
  ["rio.runs", "Rio Alvarez", "tiktok", ["nano", "fitness"], "summer-sale", 6, 0.03],
  ["kiko.home", "Kiko Tanaka", "pinterest", ["micro", "home"], "creator-kit", 9, 0.026],
  ["ava.outdoors", "Ava Larsen", "instagram", ["nano", "outdoors"], "spring-drop", 4, 0.045],
  ["benji.games", "Benji Cole", "twitch", ["micro", "gaming"], "vip-waitlist", 10, 0.018],
  ["priya.reads", "Priya Nair", "tiktok", ["nano", "books"], "newsletter", 5, 0.06],
  ["omar.eats", "Omar Haddad", "tiktok", ["micro", "food"], "creator-kit", 8, 0.038],
  ["zoe.minimal", "Zoe Dubois", "pinterest", ["nano", "home"], "spring-drop", 3, 0.05],
  ["marco.moves", "Marco Rossi", "instagram", ["micro", "fitness"], "summer-sale", 7, 0.028],
  ["nina.skin", "Nina Petrova", "youtube", ["macro", "beauty"], "spring-drop", 18, 0.031],
  ["leo.diy", "Leo Brandt", "youtube", ["nano", "home"], "creator-kit", 2, 0.07],
  ["ines.travel", "Inès Moreau", "instagram", ["micro", "travel"], "vip-waitlist", 6, 0.024],
  ["sam.codes", "Sam Patel", "twitch", ["nano", "tech"], "newsletter", 3, 0.05],
  ["ella.petlife", "Ella Svensson", "tiktok", ["nano", "pets"], "summer-sale", 4, 0.04],
  ["kai.surf", "Kai Kealoha", "instagram", ["nano", "outdoors"], "summer-sale", 0.05, 0.5],
  ["mia.makes", "Mia Novak", "instagram", ["micro", "crafts"], "creator-kit", 5, 0.036],
];

const PRODUCTS: readonly number[] = [8101, 8102, 8103, 8104, 8105, 8106];
const COUNTRIES: readonly [string, number][] = [["US", 0.52], ["CA", 0.12], ["GB", 0.12], ["DE", 0.09], ["AU", 0.08], ["FR", 0.07]];
const HUMAN_AGENTS: readonly string[] = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
];
const BOT_AGENTS: readonly string[] = [
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "WhatsApp/2.23.20.0",
];

/** Scales every influencer's traffic: enough for stable rates, small enough to seed in seconds. */
const TRAFFIC_SCALE = 0.7;

/** The influencer whose own purchase with their own code is the demo's self-referral. */
const SELF_REFERRER = "mia.makes";

/**
 * The demo's data for a given "now" (the last day of history is now's day).
 *
 * @example const plan = planDemo(Date.now()); plan.influencers.length // 20
 * @returns the full plan; the same `now` and `seed` always give the same plan.
 */
export function planDemo(now: number, seed = 20_260_301): DemoPlan {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = (items: readonly [string, number][]): string => {
    let r = random();
    for (const [value, weight] of items) {
      r -= weight;
      if (r < 0) return value;
    }
    return items[0]![0];
  };
  const start = now - DEMO_DAYS * DAY_MS;

  const campaigns: DemoCampaign[] = CAMPAIGNS.map((c, i) => ({ ...c, startsAt: start + i * 6 * DAY_MS, endsAt: i === 0 ? start + 60 * DAY_MS : null }));
  const goalOf = new Map(campaigns.map((c) => [c.key, c.goal]));

  const influencers: DemoInfluencer[] = ROSTER.map(([handle, name, platform, tags, campaign, clicksPerDay, conversion], i) => {
    const base = handle.replace(/[^a-z]/g, "").slice(0, 8).toUpperCase();
    const links: DemoLink[] = [{ key: `${handle}/main`, platform, campaign, destination: `https://${"icr-demo"}.example/products/${PRODUCTS[i % PRODUCTS.length]}` }];
    // Every third influencer also promotes a second campaign with its own link.
    if (i % 3 === 0) {
      const other = CAMPAIGNS[(i + 1) % CAMPAIGNS.length]!.key;
      links.push({ key: `${handle}/second`, platform, campaign: other, destination: `https://icr-demo.example/collections/${other}` });
    }
    return {
      handle,
      name,
      platform,
      tags,
      defaultCampaign: campaign,
      ...(handle === SELF_REFERRER ? { email: "mia@novak.example" } : {}),
      // The last two adopt codes the shop already has in Shopify; the others are created there.
      code: i === 0 ? { code: "SUMMER15", campaign: "summer-sale", percentage: 0.15, adopt: true } : { code: `${base}${10 + (i % 3) * 5}`, campaign, percentage: 0.1 + (i % 3) * 0.05, adopt: false },
      links,
      ...(i % 4 === 0 ? { commissionBps: 1000 } : {}),
      clicksPerDay,
      conversion,
    };
  });

  // Clicks: each influencer's traffic over 90 days, with a weekly rhythm, bots and quick repeats.
  const clicks: DemoClick[] = [];
  let clickSeq = 0;
  const clickId = () => `demo${(++clickSeq).toString(36).padStart(5, "0")}`;
  for (const influencer of influencers) {
    for (let day = 0; day < DEMO_DAYS; day++) {
      const dayStart = start + day * DAY_MS;
      const weekly = 1 + 0.35 * Math.sin((day / 7) * 2 * Math.PI);
      const expected = influencer.clicksPerDay * TRAFFIC_SCALE * weekly * (0.7 + 0.6 * random());
      const count = Math.floor(expected) + (random() < expected - Math.floor(expected) ? 1 : 0);
      for (let c = 0; c < count; c++) {
        const link = influencer.links.length > 1 && random() < 0.3 ? influencer.links[1]! : influencer.links[0]!;
        const at = Math.min(now - MINUTE_MS, dayStart + Math.floor(random() * DAY_MS));
        const userAgent = pick(HUMAN_AGENTS);
        const click: DemoClick = {
          id: clickId(),
          at,
          influencer: influencer.handle,
          linkKey: link.key,
          campaign: link.campaign,
          ip: `198.51.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}`,
          userAgent,
          method: "GET",
          country: weighted(COUNTRIES),
          ...withDevice(userAgent),
        };
        clicks.push(click);
        // The same visitor tapping again within the hour: recorded, not counted.
        if (random() < 0.08) clicks.push({ ...click, id: clickId(), at: Math.min(now - MINUTE_MS, at + Math.floor(random() * 50 * MINUTE_MS)) });
        // Link-preview bots and crawlers follow the same links.
        if (random() < 0.1) {
          const bot = pick(BOT_AGENTS);
          clicks.push({ ...click, id: clickId(), userAgent: bot, method: random() < 0.3 ? "HEAD" : "GET", ip: `66.249.${Math.floor(random() * 250)}.1`, ...withDevice(bot) });
        }
      }
    }
  }
  clicks.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));

  // Orders and sign-ups, as the webhooks Shopify would deliver.
  const deliveries: DemoDelivery[] = [];
  let orderSeq = 0;
  let customerSeq = 0;
  let eventSeq = 0;
  const eventId = () => `demo-event-${++eventSeq}`;
  const byHandle = new Map(influencers.map((i) => [i.handle, i]));
  const seenVisitor = new Map<string, number>();
  const newOrder = (o: Omit<OrderFacts, "id" | "number" | "customerId" | "email" | "ordersCount" | "country" | "userAgent" | "products" | "subtotal"> & Partial<OrderFacts>): OrderFacts => {
    const n = ++orderSeq;
    const customer = ++customerSeq;
    return {
      id: 5_900_000_000_000 + n,
      number: 1000 + n,
      customerId: 7_100_000_000 + customer,
      email: `shopper${customer}@mail.example`,
      ordersCount: random() < 0.68 ? 1 : 2 + Math.floor(random() * 6),
      country: weighted(COUNTRIES),
      userAgent: pick(HUMAN_AGENTS),
      products: [pick(PRODUCTS), ...(random() < 0.25 ? [pick(PRODUCTS)] : [])].filter((p, i, all) => all.indexOf(p) === i),
      subtotal: (18 + Math.floor(random() * 16_000) / 100).toFixed(2),
      ...o,
    };
  };
  const pushOrder = (facts: OrderFacts) => {
    const created = { topic: "orders/create" as const, eventId: eventId(), at: facts.at, payload: orderPayload(facts) };
    deliveries.push(created);
    // Shopify delivers at least once: some deliveries arrive twice with the same event id.
    if (random() < 0.04) deliveries.push({ ...created, at: created.at + 2000 });
    const later = Math.min(now - MINUTE_MS, facts.at + Math.floor((1 + random() * 4) * DAY_MS));
    const r = random();
    if (r < 0.02 && later > facts.at) {
      deliveries.push({ topic: "orders/cancelled", eventId: eventId(), at: later, payload: orderPayload({ ...facts, cancelledAt: later, updatedAt: later, financialStatus: "voided" }) });
    } else if (r < 0.045 && later > facts.at) {
      const refundId = 8_800_000_000 + facts.number;
      deliveries.push({ topic: "refunds/create", eventId: eventId(), at: later, payload: refundPayload(refundId, facts, facts.subtotal, later) });
      deliveries.push({ topic: "orders/updated", eventId: eventId(), at: later + 1000, payload: orderPayload({ ...facts, updatedAt: later + 1000, financialStatus: "refunded", refunds: [{ id: refundId, subtotal: facts.subtotal }], currentSubtotal: "0.00" }) });
    } else if (r < 0.085 && later > facts.at) {
      const refundId = 8_800_000_000 + facts.number;
      const part = (Number(facts.subtotal) / 3).toFixed(2);
      deliveries.push({ topic: "refunds/create", eventId: eventId(), at: later, payload: refundPayload(refundId, facts, part, later) });
    }
  };

  for (const click of clicks) {
    if (click.method !== "GET" || BOT_AGENTS.includes(click.userAgent)) continue;
    const visitor = `${click.ip}|${click.userAgent}|${click.linkKey}`;
    const last = seenVisitor.get(visitor);
    if (last !== undefined && click.at - last < 60 * MINUTE_MS) continue;
    seenVisitor.set(visitor, click.at);
    const influencer = byHandle.get(click.influencer)!;
    const goal = goalOf.get(click.campaign) ?? "purchase";
    if (random() >= influencer.conversion) continue;
    const at = click.at + Math.floor(random() * random() * 3 * DAY_MS) + 5 * MINUTE_MS;
    if (at >= now) continue;
    if (goal === "signup") {
      const customer = ++customerSeq;
      deliveries.push({
        topic: "customers/create",
        eventId: eventId(),
        at,
        payload: customerPayload(7_100_000_000 + customer, `subscriber${customer}@mail.example`, at, `newsletter, icr_click:${click.id}`),
      });
      continue;
    }
    const r = random();
    const landing = `/products/${pick(PRODUCTS)}?utm_source=${influencer.platform}&utm_medium=influencer&utm_campaign=${click.campaign}&utm_content=${influencer.handle}`;
    if (r < 0.58) {
      // The storefront embed carried the click id into the cart: a link conversion.
      pushOrder(newOrder({ at, clickId: click.id, landingSite: landing, country: click.country, userAgent: click.userAgent }));
    } else if (r < 0.78) {
      // The shopper also typed the influencer's code: the code wins (same influencer).
      pushOrder(newOrder({ at, clickId: click.id, codes: [influencer.code.code], country: click.country, userAgent: click.userAgent }));
    } else {
      // No cart attribute (another browser, an old theme): only the landing page's UTM names them.
      pushOrder(newOrder({ at, landingSite: landing, country: click.country, userAgent: click.userAgent }));
    }
  }

  // Code-only orders (podcast listeners, stories without a link): conversions without clicks.
  for (const influencer of influencers) {
    const n = Math.round(influencer.clicksPerDay * 0.35 + random() * 3);
    for (let k = 0; k < n; k++) {
      const at = start + Math.floor(random() * (now - start - DAY_MS));
      pushOrder(newOrder({ at, codes: [influencer.code.code.toLowerCase()] }));
    }
  }

  // Conflicting evidence: a click on one influencer's link, then another influencer's code.
  const humanClicks = clicks.filter((c) => c.method === "GET" && !BOT_AGENTS.includes(c.userAgent) && goalOf.get(c.campaign) === "purchase");
  for (let k = 0; k < 14; k++) {
    const click = humanClicks[Math.floor(random() * humanClicks.length)]!;
    const other = influencers[(influencers.findIndex((i) => i.handle === click.influencer) + 1 + k) % influencers.length]!;
    const at = click.at + Math.floor((0.1 + random()) * DAY_MS);
    if (at < now) pushOrder(newOrder({ at, clickId: click.id, codes: [other.code.code] }));
  }

  // Evidence outside the 30-day window: the only click was 35–55 days before the order.
  for (let k = 0; k < 6; k++) {
    const click = humanClicks[Math.floor(random() * humanClicks.length * 0.4)]!;
    const at = click.at + Math.floor((35 + random() * 20) * DAY_MS);
    if (at < now) pushOrder(newOrder({ at, clickId: click.id }));
  }

  // The self-referral: the influencer buys with her own code and her own email.
  const self = byHandle.get(SELF_REFERRER)!;
  pushOrder(newOrder({ at: now - 12 * DAY_MS, codes: [self.code.code], email: "Mia+shop@Novak.example", ordersCount: 3 }));

  // Organic orders with no influencer evidence, and a few test orders.
  for (let k = 0; k < 240; k++) pushOrder(newOrder({ at: start + Math.floor(random() * (now - start - MINUTE_MS)) }));
  for (let k = 0; k < 3; k++) pushOrder(newOrder({ at: now - (k + 2) * DAY_MS, codes: [influencers[k]!.code.code], test: true }));

  deliveries.sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : 1));

  const engagements: DemoEngagement[] = [];
  // Weekly counts, as the platforms' insights exports give them (likes, saves, link taps).
  for (const influencer of influencers) {
    for (let day = 0; day < DEMO_DAYS; day += 7) {
      const count = Math.round(influencer.clicksPerDay * 7 * (8 + random() * 10));
      if (count > 0) engagements.push({ day: isoDay(start + day * DAY_MS), influencer: influencer.handle, campaign: influencer.defaultCampaign, count });
    }
  }

  return { now, campaigns, influencers, clicks, deliveries, engagements, portalInfluencer: "lenabakes" };
}

function withDevice(userAgent: string): { device?: string } {
  const device = deviceFromUserAgent(userAgent);
  return device ? { device } : {};
}

/** UTC day of a time; engagement days are calendar labels, the platform's own reporting day. */
function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

interface OrderFacts {
  id: number;
  number: number;
  at: number;
  updatedAt?: number;
  customerId: number;
  email: string;
  ordersCount: number;
  country: string;
  userAgent: string;
  products: number[];
  subtotal: string;
  currentSubtotal?: string;
  codes?: string[];
  clickId?: string;
  landingSite?: string;
  test?: boolean;
  cancelledAt?: number;
  financialStatus?: string;
  refunds?: { id: number; subtotal: string }[];
}

/** An orders/* webhook payload in Shopify's REST shape (API 2026-07), with the fields ICR reads. */
function orderPayload(o: OrderFacts): Record<string, unknown> {
  const createdAt = new Date(o.at).toISOString();
  const updatedAt = new Date(o.updatedAt ?? o.at).toISOString();
  const money = (amount: string) => ({ shop_money: { amount, currency_code: "USD" }, presentment_money: { amount, currency_code: "USD" } });
  const address = { country_code: o.country };
  return {
    id: o.id,
    admin_graphql_api_id: `gid://shopify/Order/${o.id}`,
    name: `#${o.number}`,
    order_number: o.number,
    email: o.email,
    contact_email: o.email,
    created_at: createdAt,
    updated_at: updatedAt,
    processed_at: createdAt,
    currency: "USD",
    presentment_currency: "USD",
    subtotal_price: o.subtotal,
    current_subtotal_price: o.currentSubtotal ?? o.subtotal,
    subtotal_price_set: money(o.subtotal),
    total_price: o.subtotal,
    total_tax: "0.00",
    test: o.test ?? false,
    cancelled_at: o.cancelledAt === undefined ? null : new Date(o.cancelledAt).toISOString(),
    cancel_reason: o.cancelledAt === undefined ? null : "customer",
    financial_status: o.financialStatus ?? "paid",
    fulfillment_status: null,
    confirmed: true,
    customer: { id: o.customerId, email: o.email, orders_count: o.ordersCount, admin_graphql_api_id: `gid://shopify/Customer/${o.customerId}` },
    billing_address: address,
    shipping_address: address,
    client_details: { user_agent: o.userAgent, browser_ip: "203.0.113.9" },
    discount_codes: (o.codes ?? []).map((code) => ({ code, amount: "10.00", type: "percentage" })),
    note_attributes: o.clickId ? [{ name: "_icr_click", value: o.clickId }] : [],
    landing_site: o.landingSite ?? "/",
    referring_site: o.landingSite ? "https://www.instagram.com/" : "https://www.google.com/",
    line_items: o.products.map((productId, i) => ({
      id: o.id * 10 + i,
      admin_graphql_api_id: `gid://shopify/LineItem/${o.id * 10 + i}`,
      product_id: productId,
      quantity: 1,
      price: o.subtotal,
      title: `Demo product ${productId}`,
    })),
    refunds: (o.refunds ?? []).map((r) => ({
      id: r.id,
      admin_graphql_api_id: `gid://shopify/Refund/${r.id}`,
      order_id: o.id,
      created_at: updatedAt,
      refund_line_items: [{ id: r.id + 1, quantity: 1, subtotal: Number(r.subtotal), subtotal_set: money(r.subtotal) }],
    })),
  };
}

function refundPayload(id: number, o: OrderFacts, subtotal: string, at: number): Record<string, unknown> {
  const amount = { shop_money: { amount: subtotal, currency_code: "USD" }, presentment_money: { amount: subtotal, currency_code: "USD" } };
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Refund/${id}`,
    order_id: o.id,
    created_at: new Date(at).toISOString(),
    note: "Returned",
    restock: true,
    refund_line_items: [{ id: id + 1, line_item_id: o.id * 10, quantity: 1, restock_type: "return", subtotal: Number(subtotal), subtotal_set: amount, total_tax: 0 }],
    transactions: [],
    order_adjustments: [],
  };
}

function customerPayload(id: number, email: string, at: number, tags: string): Record<string, unknown> {
  const iso = new Date(at).toISOString();
  return {
    id,
    email,
    created_at: iso,
    updated_at: iso,
    orders_count: 0,
    state: "disabled",
    tags,
    note: null,
    email_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in", consent_updated_at: iso },
    admin_graphql_api_id: `gid://shopify/Customer/${id}`,
  };
}
