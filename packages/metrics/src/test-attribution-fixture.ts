/*
 * A small roster, its codes, links and clicks, and an order builder, shared by the attribution,
 * explanation and property tests. Times are relative to ORDER_AT.
 */
import { buildAttributionIndex } from "./attribution-index.js";
import type { Click, CodeAssignment, Influencer, Order, ShareLink, Visit } from "./types.js";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const ORDER_AT = Date.UTC(2026, 2, 15, 12, 0, 0);

export const influencers: Influencer[] = [
  { id: "alice", handle: "alice", email: "alice@example.com", customerId: "1001", campaign: "spring", tags: [] },
  { id: "bob", handle: "bob", email: "Bob+shop@Example.com", tags: [] },
  { id: "carol", handle: "carol", utm: "carol-utm", tags: [] },
];

export const codes: CodeAssignment[] = [
  { code: "ALICE10", influencerId: "alice" },
  { code: "BOB10", influencerId: "bob", campaign: "bob-fall" },
  { code: "CAROL5", influencerId: "carol" },
];

export const links: ShareLink[] = [
  { slug: "alice-ig", influencerId: "alice", platform: "instagram" },
  { slug: "bob-tt", influencerId: "bob", campaign: "summer", platform: "tiktok" },
  { slug: "carol-yt", influencerId: "carol" },
];

export const clicks: Pick<Click, "id" | "at" | "influencerId" | "campaign" | "link">[] = [
  { id: "c_alice_2d", at: ORDER_AT - 2 * DAY, influencerId: "alice", link: "alice-ig" },
  { id: "c_alice_5d", at: ORDER_AT - 5 * DAY, influencerId: "alice", link: "alice-ig" },
  { id: "c_alice_41d", at: ORDER_AT - 41 * DAY, influencerId: "alice", link: "alice-ig" },
  { id: "c_alice_30d", at: ORDER_AT - 30 * DAY, influencerId: "alice", link: "alice-ig" },
  { id: "c_alice_31d", at: ORDER_AT - 31 * DAY, influencerId: "alice", link: "alice-ig" },
  { id: "c_bob_2d", at: ORDER_AT - 2 * DAY, influencerId: "bob", campaign: "summer", link: "bob-tt" },
  { id: "c_bob_1d", at: ORDER_AT - 1 * DAY, influencerId: "bob", campaign: "summer", link: "bob-tt" },
  { id: "c_bob_after", at: ORDER_AT + HOUR, influencerId: "bob", campaign: "summer", link: "bob-tt" },
  { id: "c_carol_3d", at: ORDER_AT - 3 * DAY, influencerId: "carol", link: "carol-yt" },
];

export const index = buildAttributionIndex({ influencers, codes, links, clicks });

/** A valid order with no evidence, overridden field by field. */
export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: "5001",
    name: "#1001",
    createdAt: ORDER_AT,
    updatedAt: ORDER_AT,
    currency: "USD",
    subtotal: 4500,
    test: false,
    cancelled: false,
    refunded: false,
    customerEmail: "dana@example.com",
    customerId: "2002",
    customerType: "new",
    country: "US",
    device: "mobile",
    products: ["7001"],
    discountCodes: [],
    clickIds: [],
    visits: [],
    ...overrides,
  };
}

/** A visit naming `content` in utm_content, `daysBefore` the order (undefined: the landing_site). */
export function utmVisit(content: string, daysBefore?: number, campaign?: string): Visit {
  return daysBefore === undefined
    ? { source: "landing_site", utm: { content, campaign } }
    : { source: "last_visit", at: ORDER_AT - daysBefore * DAY, utm: { content, campaign } };
}
