// Shopify webhook orders/paid (subscribed in shopify.app.toml): verified, de-duplicated, processed in one transaction.
import { webhookAction } from "../services/webhook-route.server";

export const action = webhookAction("orders/paid");
