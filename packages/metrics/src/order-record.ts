import type { LandingParams } from "./parse-utm.js";
import type { Order, Utm, Visit, VisitSource } from "./types.js";

/*
 * Every normalizer builds its orders and visits here, so all of them have the same properties in
 * the same order (absent ones undefined): attribution then reads one object shape, which keeps the
 * hot path's property lookups monomorphic. Empty lists are one shared frozen array: most orders
 * have no click ids or visits, and a million orders need not carry a million empty arrays.
 */

/** The one empty list every order and attribution shares; frozen, so nobody can fill it for all. */
export const EMPTY_LIST = Object.freeze([]) as readonly never[] as never[];

/**
 * An `Order` with every property present in a fixed order (optional ones undefined), empty lists
 * replaced by the shared frozen `EMPTY_LIST`.
 *
 * @example
 * orderRecord({ id: "1", name: "#1001", createdAt: 0, updatedAt: 0, currency: "USD", subtotal: 0,
 *   test: false, cancelled: false, refunded: false, products: [], discountCodes: [], clickIds: [], visits: [] });
 */
export function orderRecord(o: Order): Order {
  return {
    id: o.id,
    goal: o.goal,
    name: o.name,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    currency: o.currency,
    subtotal: o.subtotal,
    test: o.test,
    cancelled: o.cancelled,
    refunded: o.refunded,
    customerId: o.customerId,
    customerEmail: o.customerEmail,
    customerType: o.customerType,
    country: o.country,
    device: o.device,
    products: o.products.length === 0 ? EMPTY_LIST : o.products,
    discountCodes: o.discountCodes.length === 0 ? EMPTY_LIST : o.discountCodes,
    clickIds: o.clickIds.length === 0 ? EMPTY_LIST : o.clickIds,
    visits: o.visits.length === 0 ? EMPTY_LIST : o.visits,
  };
}

/**
 * A `Visit` from what a landing URL (or journey visit) said; undefined when it says nothing that
 * attribution could use (no utm_content, click id or referral code), so orders carry no empty visits.
 *
 * @example
 * visitRecord("landing_site", undefined, parseLandingUrl("/?utm_content=alice"));
 * // { source: "landing_site", at: undefined, utm: { …, content: "alice" }, clickId: undefined, referralCode: undefined }
 * visitRecord("landing_site", undefined, parseLandingUrl("/")); // undefined
 */
export function visitRecord(source: VisitSource, at: number | undefined, landing: LandingParams): Visit | undefined {
  if (landing.utm.content === undefined && landing.clickId === undefined && landing.referralCode === undefined) {
    return undefined;
  }
  return { source, at, utm: utmRecord(landing.utm), clickId: landing.clickId, referralCode: landing.referralCode };
}

/**
 * `Utm` with its five properties in a fixed order (absent ones undefined).
 *
 * @example
 * utmRecord({ content: "alice" }); // { source: undefined, medium: undefined, campaign: undefined, content: "alice", term: undefined }
 */
export function utmRecord(utm: Utm): Utm {
  return { source: utm.source, medium: utm.medium, campaign: utm.campaign, content: utm.content, term: utm.term };
}
