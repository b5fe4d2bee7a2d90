/**
 * Webhook payloads in Shopify's REST/webhook shape (field names and nesting as Shopify sends them
 * for API 2026-07), trimmed to what the tests vary. Ids are realistic 13-digit numbers.
 */
export interface OrderPayloadOptions {
  id: number;
  name?: string;
  createdAt?: string;
  updatedAt?: string;
  subtotal?: string;
  currentSubtotal?: string;
  codes?: string[];
  clickId?: string;
  landingSite?: string | null;
  test?: boolean;
  cancelledAt?: string | null;
  financialStatus?: string;
  customer?: { id: number; email: string; ordersCount: number } | null;
  refunds?: { id: number; subtotal: string }[];
  country?: string;
  userAgent?: string;
  productIds?: number[];
}

/** An orders/create (…/updated, /paid, /cancelled) payload. */
export function orderPayload(o: OrderPayloadOptions): Record<string, unknown> {
  const createdAt = o.createdAt ?? "2026-03-10T12:00:00-05:00";
  const subtotal = o.subtotal ?? "100.00";
  return {
    id: o.id,
    admin_graphql_api_id: `gid://shopify/Order/${o.id}`,
    name: o.name ?? `#${1000 + (o.id % 1000)}`,
    order_number: 1000 + (o.id % 1000),
    email: o.customer?.email ?? null,
    contact_email: o.customer?.email ?? null,
    created_at: createdAt,
    updated_at: o.updatedAt ?? createdAt,
    processed_at: createdAt,
    currency: "USD",
    presentment_currency: "USD",
    subtotal_price: subtotal,
    current_subtotal_price: o.currentSubtotal ?? subtotal,
    subtotal_price_set: { shop_money: { amount: subtotal, currency_code: "USD" }, presentment_money: { amount: subtotal, currency_code: "USD" } },
    total_price: subtotal,
    total_tax: "0.00",
    test: o.test ?? false,
    cancelled_at: o.cancelledAt ?? null,
    cancel_reason: o.cancelledAt ? "customer" : null,
    financial_status: o.financialStatus ?? "paid",
    fulfillment_status: null,
    confirmed: true,
    customer: o.customer
      ? { id: o.customer.id, email: o.customer.email, orders_count: o.customer.ordersCount, admin_graphql_api_id: `gid://shopify/Customer/${o.customer.id}` }
      : null,
    billing_address: { country_code: o.country ?? "US", country: "United States" },
    shipping_address: { country_code: o.country ?? "US", country: "United States" },
    client_details: { user_agent: o.userAgent ?? "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", browser_ip: "203.0.113.9" },
    discount_codes: (o.codes ?? []).map((code) => ({ code, amount: "10.00", type: "percentage" })),
    note_attributes: o.clickId ? [{ name: "_icr_click", value: o.clickId }] : [],
    landing_site: o.landingSite ?? "/",
    referring_site: "https://www.instagram.com/",
    line_items: (o.productIds ?? [632910392]).map((productId, i) => ({
      id: 866550311766439000 + i,
      admin_graphql_api_id: `gid://shopify/LineItem/${866550311766439000 + i}`,
      product_id: productId,
      quantity: 1,
      price: subtotal,
      title: "IPod Nano - 8GB",
    })),
    refunds: (o.refunds ?? []).map((r) => ({
      id: r.id,
      admin_graphql_api_id: `gid://shopify/Refund/${r.id}`,
      order_id: o.id,
      created_at: o.updatedAt ?? createdAt,
      refund_line_items: [{ id: r.id + 1, quantity: 1, subtotal: Number(r.subtotal), subtotal_set: { shop_money: { amount: r.subtotal, currency_code: "USD" } } }],
    })),
  };
}

/** A refunds/create payload. */
export function refundPayload(r: { id: number; orderId: number; subtotal: string; createdAt?: string }): Record<string, unknown> {
  return {
    id: r.id,
    admin_graphql_api_id: `gid://shopify/Refund/${r.id}`,
    order_id: r.orderId,
    created_at: r.createdAt ?? "2026-03-11T09:00:00-05:00",
    note: "Customer returned one item",
    restock: true,
    user_id: 548380009,
    refund_line_items: [
      {
        id: r.id + 1,
        line_item_id: 866550311766439000,
        quantity: 1,
        restock_type: "return",
        subtotal: Number(r.subtotal),
        subtotal_set: { shop_money: { amount: r.subtotal, currency_code: "USD" }, presentment_money: { amount: r.subtotal, currency_code: "USD" } },
        total_tax: 0,
      },
    ],
    transactions: [],
    order_adjustments: [],
  };
}

/** A customers/create payload. */
export function customerPayload(c: { id: number; email: string; subscribed: boolean; tags?: string; createdAt?: string }): Record<string, unknown> {
  const at = c.createdAt ?? "2026-03-10T12:00:00-05:00";
  return {
    id: c.id,
    email: c.email,
    created_at: at,
    updated_at: at,
    first_name: "Steve",
    last_name: "Lastnameson",
    orders_count: 0,
    state: "disabled",
    tags: c.tags ?? "",
    note: null,
    email_marketing_consent: {
      state: c.subscribed ? "subscribed" : "not_subscribed",
      opt_in_level: "single_opt_in",
      consent_updated_at: c.subscribed ? at : null,
    },
    admin_graphql_api_id: `gid://shopify/Customer/${c.id}`,
  };
}
