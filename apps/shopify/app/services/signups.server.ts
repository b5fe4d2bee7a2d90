/**
 * Sign-up conversions: a new customer who subscribed to email marketing becomes an `Order` with
 * goal "signup" and subtotal 0, so attribution and rollups treat both goals alike. The storefront
 * embed passes the visitor's click id on the customer form as a tag `icr_click:{id}` (or a note
 * line `_icr_click: {id}`); that is the sign-up's evidence.
 */
import type { Order } from "@icr/metrics";
import type { CustomerPayload } from "./webhook-payloads.server";

const SUBSCRIBED = new Set(["subscribed", "pending"]);

/**
 * Whether a customers/create payload is a sign-up (email-marketing consent given).
 *
 * @example isSignup({ email_marketing_consent: { state: "subscribed" }, … }) // true
 * @returns false when consent is absent, "not_subscribed", "unsubscribed" or "redacted".
 */
export function isSignup(customer: CustomerPayload): boolean {
  const state = customer.email_marketing_consent?.state?.toLowerCase();
  if (state !== undefined) return SUBSCRIBED.has(state);
  return customer.accepts_marketing === true;
}

/**
 * The click ids a customer form carried (tags `icr_click:{id}`, note lines `_icr_click: {id}`).
 *
 * @example signupClickIds({ tags: "vip, icr_click:c_9f", note: null, … }) // ["c_9f"]
 * @returns the ids in first-seen order; [] when there are none.
 */
export function signupClickIds(customer: Pick<CustomerPayload, "tags" | "note">): string[] {
  const ids: string[] = [];
  for (const tag of (customer.tags ?? "").split(",")) {
    const m = /^\s*icr_click:\s*([A-Za-z0-9_-]+)\s*$/i.exec(tag);
    if (m?.[1]) ids.push(m[1]);
  }
  for (const line of (customer.note ?? "").split(/\r?\n/)) {
    const m = /^\s*_?icr_click\s*:\s*([A-Za-z0-9_-]+)\s*$/i.exec(line);
    if (m?.[1]) ids.push(m[1]);
  }
  return [...new Set(ids)];
}

/** The order id a sign-up is stored under (one sign-up per customer). */
export function signupOrderId(customerId: string): string {
  return `signup-${customerId}`;
}

/**
 * The sign-up as an order (customer id and email still raw: the caller hashes them before storing).
 *
 * @example toSignupOrder(customer, "USD")
 * @returns an Order with goal "signup", subtotal 0 and the form's click ids.
 */
export function toSignupOrder(customer: CustomerPayload, currency: string): Order {
  return {
    id: signupOrderId(customer.id),
    goal: "signup",
    name: `Sign-up ${customer.id}`,
    createdAt: customer.created_at,
    updatedAt: customer.updated_at ?? customer.created_at,
    currency,
    subtotal: 0,
    test: false,
    cancelled: false,
    refunded: false,
    customerId: customer.id,
    ...(customer.email ? { customerEmail: customer.email } : {}),
    customerType: "new",
    products: [],
    discountCodes: [],
    clickIds: signupClickIds(customer),
    visits: [],
  };
}
