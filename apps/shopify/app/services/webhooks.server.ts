/**
 * Webhook ingestion. Order of work: verify the HMAC on the raw bytes (401, nothing stored), parse
 * the payload for its topic (a signed payload that does not parse goes to the dead letters and is
 * answered 200, so Shopify stops retrying it), then one transaction: claim the event id (a
 * duplicate stops here), store the facts unless newer ones exist, attribute, add the rollup delta.
 */
import { createHash } from "node:crypto";
import { InvalidInputError, normalizeWebhookOrder, type Order } from "@icr/metrics";
import { ZodError } from "zod";
import type { Db } from "../db.server";
import { redactAttributionEvidence } from "../models/attributions.server";
import { addDeadLetter } from "../models/dead-letters.server";
import { deleteOrdersOfCustomer } from "../models/orders.server";
import { deleteRefundsOfOrders, type StoredRefund } from "../models/refunds.server";
import { deleteSessionsOfShop } from "../models/sessions.server";
import { deleteShop, ensureShop, findShopByDomain, isShopDomain, markUninstalled } from "../models/shops.server";
import { claimEvent, type WebhookEventInput } from "../models/webhook-events.server";
import { hashCustomerId, hashEmail, legacyId } from "./identity-hash.server";
import { OrderBatcher } from "./order-batch.server";
import { ingestOrder, ingestRefund, toStoredRefund } from "./order-ingest.server";
import { loadShopContext, type ShopContext } from "./shop-context.server";
import { isSignup, toSignupOrder } from "./signups.server";
import { verifyWebhookHmac } from "./webhook-hmac.server";
import {
  appUninstalledSchema,
  customerDataRequestSchema,
  customerRedactSchema,
  customerSchema,
  orderRefundIdsSchema,
  type CustomerPayload,
  refundSchema,
  shopRedactSchema,
} from "./webhook-payloads.server";

/** Every topic the app subscribes to (see shopify.app.toml). */
export const WEBHOOK_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/cancelled",
  "refunds/create",
  "customers/create",
  "app/uninstalled",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

export interface WebhookDeps {
  db: Db;
  /** The app's API secret (SHOPIFY_API_SECRET): the HMAC key. */
  apiSecret: string;
}

/** What one delivery asks for, decided before any write. */
type Command =
  | { kind: "order"; order: Order; refundIds: string[] }
  | { kind: "refund"; refund: StoredRefund }
  | { kind: "signup"; customer: CustomerPayload }
  | { kind: "noop" }
  | { kind: "dataRequest" }
  | { kind: "uninstalled" }
  | { kind: "customerRedact"; orderIds: string[]; customerId: string | null; email: string | null }
  | { kind: "shopRedact" };

/** The delivery's identity, from Shopify's headers. */
interface Delivery {
  topic: string;
  shopDomain: string;
  /** X-Shopify-Event-Id, else X-Shopify-Webhook-Id, else a digest of the body: what duplicates share. */
  eventId: string;
  webhookId: string | null;
  triggeredAt: Date | null;
  rawBody: string;
}

export type WebhookResult =
  | "processed"
  | "duplicate"
  | "stale"
  | "dead_letter"
  | "ignored";

function json(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/**
 * Handles one webhook request for the route's topic.
 *
 * @example export const action = ({ request }) => handleWebhookRequest(deps, request, "orders/create");
 * @returns 401 for a bad signature (nothing stored), 400 for missing Shopify headers, 405 for a
 *   non-POST, 200 with `{ result }` otherwise (including duplicates and dead letters); a database
 *   failure propagates (500) so Shopify retries.
 */
export async function handleWebhookRequest(deps: WebhookDeps, request: Request, routeTopic: WebhookTopic): Promise<Response> {
  if (request.method !== "POST") return json(405, { error: "webhooks are POST" });
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (!verifyWebhookHmac(bytes, request.headers.get("x-shopify-hmac-sha256"), deps.apiSecret)) {
    return json(401, { error: "invalid HMAC signature" });
  }
  const shopDomain = (request.headers.get("x-shopify-shop-domain") ?? "").toLowerCase();
  const topic = (request.headers.get("x-shopify-topic") ?? "").toLowerCase();
  if (!isShopDomain(shopDomain)) return json(400, { error: "missing or invalid X-Shopify-Shop-Domain" });
  if (!topic) return json(400, { error: "missing X-Shopify-Topic" });
  const rawBody = new TextDecoder().decode(bytes);
  const triggered = request.headers.get("x-shopify-triggered-at");
  const delivery: Delivery = {
    topic,
    shopDomain,
    eventId:
      request.headers.get("x-shopify-event-id") ||
      request.headers.get("x-shopify-webhook-id") ||
      "sha256:" + createHash("sha256").update(bytes).digest("hex"),
    webhookId: request.headers.get("x-shopify-webhook-id"),
    triggeredAt: triggered && !Number.isNaN(Date.parse(triggered)) ? new Date(triggered) : null,
    rawBody,
  };
  const result = await processDelivery(deps.db, delivery, routeTopic);
  return json(200, { result });
}

/**
 * Processes a verified delivery (exported for the backfill of missed events and for benchmarks).
 *
 * @example await processDelivery(db, delivery, "orders/create")
 * @returns what happened: processed, duplicate, stale, dead_letter or ignored.
 */
export async function processDelivery(db: Db, delivery: Delivery, routeTopic: WebhookTopic): Promise<WebhookResult> {
  let command: Command;
  try {
    if (delivery.topic !== routeTopic) {
      throw new InvalidInputError(`topic ${delivery.topic} delivered to the ${routeTopic} route`);
    }
    command = parseCommand(routeTopic, JSON.parse(delivery.rawBody));
  } catch (error) {
    if (!isParseError(error)) throw error;
    return deadLetter(db, delivery, describe(error));
  }
  switch (command.kind) {
    case "shopRedact":
      return redactShop(db, delivery.shopDomain);
    case "uninstalled":
    case "customerRedact":
    case "dataRequest":
    case "noop": {
      // Compliance and uninstall never create a shop that is not there.
      const shop = await findShopByDomain(db, delivery.shopDomain);
      if (!shop) return "ignored";
      return runClaimed(db, shop.id, delivery, async (tx) => {
        if (command.kind === "uninstalled") {
          await markUninstalled(tx, shop.id, delivery.triggeredAt ?? new Date());
          await deleteSessionsOfShop(tx, shop.domain);
        } else if (command.kind === "customerRedact") {
          await redactCustomer(tx, shop.id, shop.salt, command);
        }
        return command.kind === "noop" ? "ignored" : "processed";
      });
    }
    case "order": {
      // Order snapshots are the bulk of the traffic: they share transactions with those arriving at the same time.
      return batcherFor(db).submit({ shopDomain: delivery.shopDomain, event: eventOf(delivery, "processed"), order: command.order, refundIds: command.refundIds });
    }
    default: {
      const shop = await loadShopContext(db, await ensureShop(db, delivery.shopDomain));
      return runClaimed(db, shop.id, delivery, (tx) => applyFacts(tx, shop, command));
    }
  }
}

const batchers = new WeakMap<Db, OrderBatcher>();
function batcherFor(db: Db): OrderBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new OrderBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}

function eventOf(delivery: Delivery, outcome: WebhookEventInput["outcome"]): WebhookEventInput {
  return { eventId: delivery.eventId, topic: delivery.topic, webhookId: delivery.webhookId, triggeredAt: delivery.triggeredAt, outcome };
}

async function applyFacts(tx: Db, shop: ShopContext, command: Command): Promise<WebhookResult> {
  switch (command.kind) {
    case "refund":
      return (await ingestRefund(tx, shop, command.refund)) ? "processed" : "duplicate";
    case "signup":
      return (await ingestOrder(tx, shop, toSignupOrder(command.customer, shop.currency), [])) === "stale" ? "stale" : "processed";
    default:
      return "ignored";
  }
}

/** Runs `work` in one transaction that first records the event id; a recorded id means a duplicate. */
async function runClaimed(
  db: Db,
  shopId: number,
  delivery: Delivery,
  work: (tx: Db) => Promise<WebhookResult>,
): Promise<WebhookResult> {
  return db.transaction(async (tx) => {
    if (!(await claimEvent(tx, shopId, eventOf(delivery, "processed")))) return "duplicate";
    return work(tx);
  });
}

function parseCommand(topic: WebhookTopic, payload: unknown): Command {
  switch (topic) {
    case "orders/create":
    case "orders/updated":
    case "orders/paid":
    case "orders/cancelled":
      return { kind: "order", order: normalizeWebhookOrder(payload), refundIds: orderRefundIdsSchema.parse(payload).refunds };
    case "refunds/create":
      return { kind: "refund", refund: toStoredRefund(refundSchema.parse(payload)) };
    case "customers/create": {
      const customer = customerSchema.parse(payload);
      return isSignup(customer) ? { kind: "signup", customer } : { kind: "noop" };
    }
    case "app/uninstalled":
      appUninstalledSchema.parse(payload);
      return { kind: "uninstalled" };
    case "customers/data_request":
      // The app stores no customer personal data (only salted hashes), so there is nothing to report.
      customerDataRequestSchema.parse(payload);
      return { kind: "dataRequest" };
    case "customers/redact": {
      const r = customerRedactSchema.parse(payload);
      return {
        kind: "customerRedact",
        orderIds: r.orders_to_redact.map(legacyId),
        customerId: r.customer.id ?? null,
        email: r.customer.email ?? null,
      };
    }
    case "shop/redact":
      shopRedactSchema.parse(payload);
      return { kind: "shopRedact" };
  }
}

async function redactCustomer(
  tx: Db,
  shopId: number,
  salt: string,
  who: { orderIds: string[]; customerId: string | null; email: string | null },
): Promise<void> {
  const customerIdHash = hashCustomerId(salt, who.customerId);
  const customerEmailHash = hashEmail(salt, who.email);
  const erased = await deleteOrdersOfCustomer(tx, shopId, {
    orderIds: who.orderIds,
    ...(customerIdHash ? { customerIdHash } : {}),
    ...(customerEmailHash ? { customerEmailHash } : {}),
  });
  const orderIds = [...new Set([...who.orderIds, ...erased])];
  await deleteRefundsOfOrders(tx, shopId, orderIds);
  await redactAttributionEvidence(tx, shopId, orderIds);
}

async function redactShop(db: Db, shopDomain: string): Promise<WebhookResult> {
  return db.transaction(async (tx) => {
    const shop = await findShopByDomain(tx, shopDomain);
    await deleteSessionsOfShop(tx, shopDomain);
    if (!shop) return "ignored";
    await deleteShop(tx, shop.id);
    return "processed";
  });
}

async function deadLetter(db: Db, delivery: Delivery, error: string): Promise<WebhookResult> {
  const shop = await ensureShop(db, delivery.shopDomain);
  return db.transaction(async (tx) => {
    if (!(await claimEvent(tx, shop.id, eventOf(delivery, "dead_letter")))) return "duplicate";
    await addDeadLetter(tx, shop.id, {
      topic: delivery.topic,
      eventId: delivery.eventId,
      webhookId: delivery.webhookId,
      rawBody: delivery.rawBody,
      error,
    });
    return "dead_letter";
  });
}

function isParseError(error: unknown): boolean {
  return error instanceof InvalidInputError || error instanceof ZodError || error instanceof SyntaxError || error instanceof RangeError;
}

function describe(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  return error instanceof Error ? error.message : String(error);
}
