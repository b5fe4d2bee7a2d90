/** Webhook requests exactly as Shopify sends them: raw JSON body, real HMAC, real headers. */
import { randomUUID } from "node:crypto";
import { signWebhookBody } from "../services/webhook-hmac.server";

export const TEST_SECRET = "shpss_test_secret_0123456789abcdef";

export function signedWebhook(
  topic: string,
  body: unknown,
  options: { shop: string; eventId?: string; secret?: string; hmac?: string; rawBody?: string },
): Request {
  const raw = options.rawBody ?? JSON.stringify(body);
  const headers = new Headers({
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-hmac-sha256": options.hmac ?? signWebhookBody(raw, options.secret ?? TEST_SECRET),
    "x-shopify-shop-domain": options.shop,
    "x-shopify-webhook-id": randomUUID(),
    "x-shopify-event-id": options.eventId ?? randomUUID(),
    "x-shopify-triggered-at": "2026-03-10T17:00:00.000Z",
    "x-shopify-api-version": "2026-07",
  });
  return new Request(`https://icr.example/webhooks/${topic}`, { method: "POST", headers, body: raw });
}
