import { readCartAttributes } from "./cart-attributes.js";
import { InvalidInputError } from "./errors.js";
import {
  describe,
  expectObject,
  isJsonObject,
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
import type { CustomerType, Order, Utm, Visit, VisitSource } from "./types.js";

/**
 * An `Order` from an Admin GraphQL `Order` node (API 2026-07), as a query or a bulk operation line
 * returns it. Reads `id` (the gid, reduced to the numeric id the webhooks use), `name`, `createdAt`,
 * `updatedAt`, `test`, `cancelledAt`, `displayFinancialStatus` (REFUNDED is fully refunded),
 * `currentSubtotalPriceSet.shopMoney` {amount, currencyCode} (else `subtotalPriceSet`),
 * `discountCodes`, `customAttributes` [{key, value}] (`_icr_click`, `_icr_utm`), `customer` {id,
 * `defaultEmailAddress.emailAddress` or `email`, `numberOfOrders`} else the order's `email`,
 * `billingAddress` / `shippingAddress` `countryCodeV2`, `lineItems` (`nodes` or `edges`) product ids,
 * and `customerJourneySummary` `firstVisit` / `lastVisit` {occurredAt, landingPage, referralCode,
 * utmParameters}: UTM values from `utmParameters`, missing ones (and `icr_click`) from the landing page.
 * `numberOfOrders` is the customer's count when the node was fetched, so a backfilled first order of
 * a customer who came back later reads as "returning". GraphQL carries no user agent: `device` is
 * undefined. Bulk operation output (children on their own lines) goes through `assembleBulkOrders`.
 * Throws InvalidInputError naming the path of a missing or mistyped field.
 *
 * @example
 * normalizeGraphqlOrder(response.data.order);
 * // { id: "5678901234", name: "#1001", visits: [{ source: "first_visit", … }], … }
 */
export function normalizeGraphqlOrder(node: unknown): Order {
  const o = expectObject(node, "");
  const id = shopifyId(o["id"]) ?? shopifyId(o["legacyResourceId"]);
  if (id === undefined) throw new InvalidInputError(o["id"] == null ? "is required" : `not an order id: ${describe(o["id"])}`, { path: "id" });
  const createdAt = requiredTimestamp(o, "createdAt", "");
  const { amount, currency } = subtotalMoney(o);

  const customer = optionalObject(o, "customer", "");
  const cart = readCartAttributes(customAttributes(o));
  const visits: Visit[] = [...journeyVisits(o), ...cart.visits];

  return orderRecord({
    id,
    name: optionalString(o, "name", "") ?? `#${id}`,
    createdAt,
    updatedAt: optionalTimestamp(o, "updatedAt", "") ?? createdAt,
    currency,
    subtotal: amount,
    test: optionalBoolean(o, "test", "", false),
    cancelled: optionalTimestamp(o, "cancelledAt", "") !== undefined,
    refunded: optionalString(o, "displayFinancialStatus", "")?.toUpperCase() === "REFUNDED",
    customerId: customer && shopifyId(customer["id"]),
    customerEmail: normalizeEmail((customer && customerEmail(customer)) ?? optionalString(o, "email", "")),
    customerType: customer && customerType(customer),
    country: (countryOf(o, "billingAddress") ?? countryOf(o, "shippingAddress"))?.toUpperCase(),
    device: undefined,
    products: productIds(o),
    discountCodes: discountCodes(o),
    clickIds: cart.clickIds,
    visits,
  });
}

function subtotalMoney(o: JsonObject): { amount: number; currency: string } {
  for (const key of ["currentSubtotalPriceSet", "subtotalPriceSet"]) {
    const set = optionalObject(o, key, "");
    const shop = set && optionalObject(set, "shopMoney", key);
    if (shop === undefined) continue;
    const path = `${key}.shopMoney`;
    const currency = optionalString(shop, "currencyCode", path) ?? optionalString(o, "currencyCode", "");
    if (currency === undefined) throw new InvalidInputError("is required", { path: `${path}.currencyCode` });
    if (!/^[A-Za-z]{3}$/.test(currency)) throw new InvalidInputError(`not a currency code: ${describe(currency)}`, { path: `${path}.currencyCode` });
    const amount = optionalMoney(shop, "amount", path, currency);
    if (amount === undefined) throw new InvalidInputError("is required", { path: `${path}.amount` });
    if (amount < 0) throw new InvalidInputError("is negative", { path: `${path}.amount` });
    return { amount, currency: currency.toUpperCase() };
  }
  throw new InvalidInputError("is required", { path: "currentSubtotalPriceSet" });
}

function customerEmail(customer: JsonObject): string | undefined {
  const address = optionalObject(customer, "defaultEmailAddress", "customer");
  return (address && optionalString(address, "emailAddress", "customer.defaultEmailAddress")) ?? optionalString(customer, "email", "customer");
}

/** `numberOfOrders` is an UnsignedInt64, which GraphQL serializes as a string. */
function customerType(customer: JsonObject): CustomerType | undefined {
  const raw = customer["numberOfOrders"];
  if (raw === null || raw === undefined) return undefined;
  const count = typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    throw new InvalidInputError(`expected a count, got ${describe(raw)}`, { path: "customer.numberOfOrders" });
  }
  if (count < 1) return undefined;
  return count === 1 ? "new" : "returning";
}

function countryOf(o: JsonObject, key: string): string | undefined {
  const address = optionalObject(o, key, "");
  return address && optionalString(address, "countryCodeV2", key);
}

function discountCodes(o: JsonObject): string[] {
  const codes: string[] = [];
  const list = o["discountCodes"] == null && typeof o["discountCode"] === "string" ? [o["discountCode"]] : optionalArray(o, "discountCodes", "");
  list.forEach((value, i) => {
    if (value === null) return;
    if (typeof value !== "string") throw new InvalidInputError(`expected a string, got ${describe(value)}`, { path: joinPath("discountCodes", i) });
    const code = value.trim();
    if (code !== "" && !codes.includes(code)) codes.push(code);
  });
  return codes;
}

function customAttributes(o: JsonObject): [string, string][] {
  return optionalArray(o, "customAttributes", "").flatMap((value, i): [string, string][] => {
    const path = joinPath("customAttributes", i);
    const attribute = expectObject(value, path);
    const key = optionalString(attribute, "key", path);
    const text = optionalString(attribute, "value", path);
    return key === undefined || text === undefined ? [] : [[key, text]];
  });
}

/** Line item nodes, from `lineItems.nodes` or `lineItems.edges[].node`. */
function lineItemNodes(o: JsonObject): [unknown, string][] {
  const connection = optionalObject(o, "lineItems", "");
  if (connection === undefined) return [];
  const nodes = optionalArray(connection, "nodes", "lineItems").map((n, i): [unknown, string] => [n, joinPath("lineItems.nodes", i)]);
  const edges = optionalArray(connection, "edges", "lineItems").map((edge, i): [unknown, string] => {
    const path = joinPath("lineItems.edges", i);
    return [expectObject(edge, path)["node"], `${path}.node`];
  });
  return [...nodes, ...edges];
}

function productIds(o: JsonObject): string[] {
  const products: string[] = [];
  for (const [value, path] of lineItemNodes(o)) {
    const item = expectObject(value, path);
    const product = optionalObject(item, "product", path);
    if (product === undefined) continue; // custom line items and deleted products
    const id = shopifyId(product["id"]);
    if (id === undefined) throw new InvalidInputError(`not a product id: ${describe(product["id"])}`, { path: `${path}.product.id` });
    if (!products.includes(id)) products.push(id);
  }
  return products;
}

const JOURNEY_VISITS: readonly [string, VisitSource][] = [
  ["firstVisit", "first_visit"],
  ["lastVisit", "last_visit"],
];
const UTM_FIELDS: readonly (keyof Utm)[] = ["source", "medium", "campaign", "content", "term"];

function journeyVisits(o: JsonObject): Visit[] {
  const journey = optionalObject(o, "customerJourneySummary", "");
  if (journey === undefined) return [];
  const visits: Visit[] = [];
  for (const [key, source] of JOURNEY_VISITS) {
    const base = `customerJourneySummary.${key}`;
    const visit = optionalObject(journey, key, "customerJourneySummary");
    if (visit === undefined) continue;
    const at = requiredTimestamp(visit, "occurredAt", base);
    const landing = parseLandingUrl(optionalString(visit, "landingPage", base));
    const params = optionalObject(visit, "utmParameters", base);
    if (params !== undefined) {
      for (const field of UTM_FIELDS) {
        const value = optionalString(params, field, `${base}.utmParameters`);
        if (value !== undefined) landing.utm[field] = value.toLowerCase();
      }
    }
    landing.referralCode = optionalString(visit, "referralCode", base)?.toLowerCase() ?? landing.referralCode;
    const record = visitRecord(source, at, landing);
    if (record !== undefined) visits.push(record);
  }
  return visits;
}

/**
 * Orders from the JSON Lines of a bulk operation over `orders` with a nested `lineItems`
 * connection: each order is a line, each line item another line with `__parentId` = the order's gid.
 * Lines may be parsed values or raw JSON text (blank lines are skipped); children are joined to
 * their parent wherever they appear, since Shopify does not promise an order of lines. Child lines
 * of other connections are ignored. Returns orders in the order their lines appear; [] for no lines.
 * Throws InvalidInputError with the 1-based line for unparsable JSON, a non-object line, a child
 * whose parent is missing, a repeated order, or any error of `normalizeGraphqlOrder`.
 *
 * @example
 * assembleBulkOrders([
 *   '{"id":"gid://shopify/Order/1","name":"#1001",…}',
 *   '{"id":"gid://shopify/LineItem/9","product":{"id":"gid://shopify/Product/7"},"__parentId":"gid://shopify/Order/1"}',
 * ]); // [{ id: "1", products: ["7"], … }]
 */
export function assembleBulkOrders(lines: Iterable<unknown>): Order[] {
  const parents = new Map<string, { node: JsonObject; line: number; items: unknown[] }>();
  const orphans: { parentId: string; line: number }[] = [];
  const children: { parentId: string; node: JsonObject; line: number }[] = [];
  let line = 0;
  for (const raw of lines) {
    line++;
    let value = raw;
    if (typeof raw === "string") {
      if (raw.trim() === "") continue;
      try {
        value = JSON.parse(raw) as unknown;
      } catch (error) {
        throw new InvalidInputError(`not JSON (${error instanceof Error ? error.message : String(error)})`, { line });
      }
    }
    if (!isJsonObject(value)) throw new InvalidInputError(`expected an object, got ${describe(value)}`, { line });
    const parentId = value["__parentId"];
    if (parentId !== undefined) {
      if (typeof parentId !== "string") throw new InvalidInputError(`expected a gid, got ${describe(parentId)}`, { line, path: "__parentId" });
      if (typeof value["id"] === "string" && value["id"].startsWith("gid://shopify/LineItem/")) children.push({ parentId, node: value, line });
      continue;
    }
    const id = value["id"];
    if (typeof id !== "string") throw new InvalidInputError(id == null ? "is required" : `not an order id: ${describe(id)}`, { line, path: "id" });
    if (parents.has(id)) throw new InvalidInputError(`order ${id} appears twice`, { line, path: "id" });
    parents.set(id, { node: value, line, items: [] });
  }
  for (const child of children) {
    const parent = parents.get(child.parentId);
    if (parent === undefined) orphans.push(child);
    else parent.items.push(child.node);
  }
  const orphan = orphans[0];
  if (orphan !== undefined) {
    throw new InvalidInputError(`line item of order ${orphan.parentId}, which is not in the file`, { line: orphan.line, path: "__parentId" });
  }
  return [...parents.values()].map(({ node, line: at, items }) => {
    try {
      return normalizeGraphqlOrder(items.length === 0 ? node : { ...node, lineItems: { nodes: items } });
    } catch (error) {
      throw error instanceof InvalidInputError ? error.at({ line: at }) : error;
    }
  });
}
