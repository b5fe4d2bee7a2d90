/**
 * Schemas for the webhook payloads the app reads itself (orders are read by `@icr/metrics`'
 * `normalizeWebhookOrder`). Unknown fields are ignored; Shopify's nulls are accepted where it sends them.
 */
import { z } from "zod";

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);
const timestamp = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO 8601 timestamp")
  .transform((s) => Date.parse(s));
const amount = z.union([z.string(), z.number()]);

/** The refund ids an order snapshot already reflects (its `refunds` array). */
export const orderRefundIdsSchema = z.object({
  id,
  refunds: z
    .array(z.object({ id }))
    .nullish()
    .transform((r) => (r ?? []).map((x) => x.id)),
});

/**
 * refunds/create: the refunded line items' subtotals (in shop money, as `subtotal_set` gives them
 * with their currency) are what comes off the order's subtotal.
 */
export const refundSchema = z.object({
  id,
  order_id: id,
  created_at: timestamp,
  refund_line_items: z
    .array(
      z.object({
        subtotal_set: z.object({ shop_money: z.object({ amount, currency_code: z.string().length(3) }) }),
      }),
    )
    .nullish()
    .transform((items) => items ?? []),
});
export type RefundPayload = z.infer<typeof refundSchema>;

/** customers/create: a sign-up is a new customer who agreed to email marketing. */
export const customerSchema = z.object({
  id,
  email: z.string().nullish(),
  created_at: timestamp,
  updated_at: timestamp.nullish(),
  /** Legacy flag, still sent beside the consent object. */
  accepts_marketing: z.boolean().nullish(),
  email_marketing_consent: z.object({ state: z.string() }).nullish(),
  tags: z.string().nullish(),
  note: z.string().nullish(),
});
export type CustomerPayload = z.infer<typeof customerSchema>;

/** customers/redact: erase this customer's data (and these orders). */
export const customerRedactSchema = z.object({
  shop_domain: z.string(),
  customer: z.object({ id: id.nullish(), email: z.string().nullish() }),
  orders_to_redact: z
    .array(id)
    .nullish()
    .transform((ids) => ids ?? []),
});

/** customers/data_request: the merchant must be told what the app stores about a customer. */
export const customerDataRequestSchema = z.object({
  shop_domain: z.string(),
  customer: z.object({ id: id.nullish(), email: z.string().nullish() }),
  orders_requested: z
    .array(id)
    .nullish()
    .transform((ids) => ids ?? []),
});

/** shop/redact: erase everything about the shop (sent 48 hours after uninstall). */
export const shopRedactSchema = z.object({ shop_domain: z.string() });

/** app/uninstalled: the payload is the shop resource; only its domain is read. */
export const appUninstalledSchema = z.object({ myshopify_domain: z.string().nullish(), domain: z.string().nullish() });
