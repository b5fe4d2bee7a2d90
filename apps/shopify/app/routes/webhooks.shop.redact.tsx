// Shopify webhook shop/redact (subscribed in shopify.app.toml): verified, de-duplicated, processed in one transaction.
import { webhookAction } from "../services/webhook-route.server";

export const action = webhookAction("shop/redact");
