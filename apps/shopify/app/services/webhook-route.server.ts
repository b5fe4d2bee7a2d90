/** The action every webhook route exports: the shared database, the app secret, the route's topic. */
import type { ActionFunctionArgs } from "@remix-run/node";
import { appConfig } from "../config.server";
import { getDb } from "../db.server";
import { handleWebhookRequest, type WebhookTopic } from "./webhooks.server";

/**
 * Builds a Remix action for one webhook topic.
 *
 * @example export const action = webhookAction("orders/create");
 * @returns an action answering as `handleWebhookRequest` does.
 */
export function webhookAction(topic: WebhookTopic) {
  return async ({ request }: ActionFunctionArgs): Promise<Response> =>
    handleWebhookRequest({ db: await getDb(), apiSecret: appConfig().SHOPIFY_API_SECRET }, request, topic);
}
