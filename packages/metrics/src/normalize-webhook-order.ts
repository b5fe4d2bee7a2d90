import { readCartAttributes } from "./cart-attributes.js";
import { deviceFromUserAgent } from "./detect-device.js";
import { InvalidInputError } from "./errors.js";
import {
  describe,
  expectObject,
  joinPath,
  optionalArray,
  optionalBoolean,
  optionalMoney,
  optionalObject,
  optionalString,
  optionalTimestamp,
  requiredTimestamp,
  type JsonObject,
} from "./json-fields.js";
import { normalizeEmail } from "./normalize-email.js";
import { orderRecord, visitRecord } from "./order-record.js";
import { parseLandingUrl } from "./parse-utm.js";
import { shopifyId } from "./shopify-id.js";
import type { CustomerType, Order, Visit } from "./types.js";

/**
 * An `Order` from Shopify's REST order JSON, as webhooks (`orders/create`, `orders/updated`,
 * `orders/cancelled`, …) and the REST Order resource send it. Reads:
 * - `id` (exact digits from `admin_graphql_api_id` when present: large ids lose digits as JSON
 *   numbers), `name`, `created_at`, `updated_at`, `currency` (the shop currency), `test`, `cancelled_at`;
 * - `current_subtotal_price` (after discounts, edits and returns), else `subtotal_price` minus the
 *   refunded line items; fully refunded when `financial_status` is "refunded" or the refunds'
 *   line-item subtotals cover the original subtotal;
 * - `customer` {id, email, orders_count: 1 is "new", more is "returning"}, else `email` /
 *   `contact_email`; `billing_address` (else `shipping_address`) `country_code`;
 *   `client_details.user_agent` as a device class; `line_items[].product_id`;
 * - evidence: `discount_codes[].code`, `note_attributes` `_icr_click` / `_icr_utm`, and
 *   `landing_site` (with `landing_site_ref`) as the ordering session's visit. `referring_site` is
 *   another site's URL, so its query is not the shop's share link and is not read.
 * Unknown fields are ignored, null reads as absent. Throws InvalidInputError naming the path of a
 * missing or mistyped field (e.g. `discount_codes[1].code`).
 *
 * @example
 * normalizeWebhookOrder(JSON.parse(body));
 * // { id: "5678901234", name: "#1001", subtotal: 4500, discountCodes: ["ALICE10"], … }
 * normalizeWebhookOrder({}); // throws InvalidInputError "id: is required"
 */
export function normalizeWebhookOrder(payload: unknown): Order {
  const o = expectObject(payload, "");
  const id = shopifyId(o["admin_graphql_api_id"]) ?? shopifyId(o["id"]);
  if (id === undefined) throw new InvalidInputError(o["id"] == null ? "is required" : `not an order id: ${describe(o["id"])}`, { path: "id" });
  const createdAt = requiredTimestamp(o, "created_at", "");
  const currency = readCurrency(o);

  const original = optionalMoney(o, "subtotal_price", "", currency) ?? shopMoney(o, "subtotal_price_set", currency);
  const current = optionalMoney(o, "current_subtotal_price", "", currency) ?? shopMoney(o, "current_subtotal_price_set", currency);
  const refundedItems = refundedLineItems(o, currency);
  if (original === undefined && current === undefined) {
    throw new InvalidInputError("is required (or subtotal_price)", { path: "current_subtotal_price" });
  }
  if ((current ?? original!) < 0) throw new InvalidInputError("is negative", { path: current === undefined ? "subtotal_price" : "current_subtotal_price" });
  const subtotal = current ?? Math.max(0, original! - refundedItems);
  const before = original ?? subtotal + refundedItems;
  const refunded =
    optionalString(o, "financial_status", "")?.toLowerCase() === "refunded" || (refundedItems > 0 && refundedItems >= before);

  const customer = optionalObject(o, "customer", "");
  const billing = optionalObject(o, "billing_address", "");
  const shipping = optionalObject(o, "shipping_address", "");
  const client = optionalObject(o, "client_details", "");
  const country = (billing && optionalString(billing, "country_code", "billing_address")) ?? (shipping && optionalString(shipping, "country_code", "shipping_address"));
  const cart = readCartAttributes(noteAttributes(o));
  const visits: Visit[] = [];
  const landing = parseLandingUrl(optionalString(o, "landing_site", ""));
  landing.referralCode ??= optionalString(o, "landing_site_ref", "")?.toLowerCase();
  const landingVisit = visitRecord("landing_site", undefined, landing);
  if (landingVisit !== undefined) visits.push(landingVisit);
  visits.push(...cart.visits);

  return orderRecord({
    id,
    name: optionalString(o, "name", "") ?? `#${optionalNumber(o, "order_number") ?? id}`,
    createdAt,
    updatedAt: optionalTimestamp(o, "updated_at", "") ?? createdAt,
    currency,
    subtotal,
    test: optionalBoolean(o, "test", "", false),
    cancelled: optionalTimestamp(o, "cancelled_at", "") !== undefined,
    refunded,
    customerId: customer && (shopifyId(customer["admin_graphql_api_id"]) ?? shopifyId(customer["id"])),
    customerEmail: normalizeEmail(
      (customer && optionalString(customer, "email", "customer")) ?? optionalString(o, "email", "") ?? optionalString(o, "contact_email", ""),
    ),
    customerType: customer && customerType(customer),
    country: country?.toUpperCase(),
    device: deviceFromUserAgent(client && optionalString(client, "user_agent", "client_details")),
    products: productIds(o),
    discountCodes: discountCodes(o),
    clickIds: cart.clickIds,
    visits,
  });
}

function readCurrency(o: JsonObject): string {
  const set = optionalObject(o, "current_subtotal_price_set", "");
  const money = set && optionalObject(set, "shop_money", "current_subtotal_price_set");
  const currency = optionalString(o, "currency", "") ?? (money && optionalString(money, "currency_code", "current_subtotal_price_set.shop_money"));
  if (currency === undefined) throw new InvalidInputError("is required", { path: "currency" });
  if (!/^[A-Za-z]{3}$/.test(currency)) throw new InvalidInputError(`not a currency code: ${describe(currency)}`, { path: "currency" });
  return currency.toUpperCase();
}

/** `{key}_set.shop_money.amount`: the same amount in the shop currency, when the plain field is absent. */
function shopMoney(o: JsonObject, key: string, currency: string): number | undefined {
  const set = optionalObject(o, key, "");
  const money = set && optionalObject(set, "shop_money", key);
  return money && optionalMoney(money, "amount", `${key}.shop_money`, currency);
}

/** Sum of `refunds[].refund_line_items[].subtotal` (shop money): what was refunded for goods. */
function refundedLineItems(o: JsonObject, currency: string): number {
  let total = 0;
  optionalArray(o, "refunds", "").forEach((value, r) => {
    const refundPath = joinPath("refunds", r);
    const refund = expectObject(value, refundPath);
    optionalArray(refund, "refund_line_items", refundPath).forEach((item, i) => {
      const itemPath = joinPath(`${refundPath}.refund_line_items`, i);
      const line = expectObject(item, itemPath);
      total += shopMoney(line, "subtotal_set", currency) ?? optionalMoney(line, "subtotal", itemPath, currency) ?? 0;
    });
  });
  return total;
}

function noteAttributes(o: JsonObject): [string, string][] {
  return optionalArray(o, "note_attributes", "").flatMap((value, i): [string, string][] => {
    const path = joinPath("note_attributes", i);
    const attribute = expectObject(value, path);
    const name = optionalString(attribute, "name", path);
    const raw = attribute["value"];
    if (name === undefined || raw === null || raw === undefined) return [];
    if (typeof raw !== "string" && typeof raw !== "number") {
      throw new InvalidInputError(`expected a string, got ${describe(raw)}`, { path: `${path}.value` });
    }
    return [[name, String(raw)]];
  });
}

function discountCodes(o: JsonObject): string[] {
  const codes: string[] = [];
  optionalArray(o, "discount_codes", "").forEach((value, i) => {
    const path = joinPath("discount_codes", i);
    const code = optionalString(expectObject(value, path), "code", path);
    if (code !== undefined && !codes.includes(code)) codes.push(code);
  });
  return codes;
}

function productIds(o: JsonObject): string[] {
  const products: string[] = [];
  optionalArray(o, "line_items", "").forEach((value, i) => {
    const path = joinPath("line_items", i);
    const item = expectObject(value, path);
    const raw = item["product_id"];
    if (raw === null || raw === undefined) return; // custom line items have no product
    const product = shopifyId(raw);
    if (product === undefined) throw new InvalidInputError(`not a product id: ${describe(raw)}`, { path: `${path}.product_id` });
    if (!products.includes(product)) products.push(product);
  });
  return products;
}

function customerType(customer: JsonObject): CustomerType | undefined {
  const count = optionalNumber(customer, "orders_count", "customer");
  if (count === undefined || count < 1) return undefined;
  return count === 1 ? "new" : "returning";
}

function optionalNumber(o: JsonObject, key: string, base = ""): number | undefined {
  const value = o[key];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvalidInputError(`expected a number, got ${describe(value)}`, { path: joinPath(base, key) });
  }
  return value;
}
