/**
 * The demo shop's Admin API, answered in-process in the real API's response shape (GraphQL
 * `data`, `userErrors`, `extensions.cost`), so the demo runs the real `AdminGateway` and the real
 * roster services: creating a code "in Shopify" stores it here, adopting looks it up here, a taken
 * code gets Shopify's TAKEN user error. The store lives as long as the process.
 */
import type { Transport } from "./admin-gateway.server";

/** Discounts the demo shop "already has" in Shopify, for the adopt flow. */
export const DEMO_EXISTING_DISCOUNTS: readonly string[] = ["SUMMER15", "WELCOME10", "VIPFRIENDS"];

interface DemoDiscount {
  id: string;
  code: string;
}

const COST = { requestedQueryCost: 10, actualQueryCost: 10, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 } };

function answer(body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ ...body, extensions: { cost: COST } }), { status: 200, headers: { "content-type": "application/json" } });
}

/**
 * A transport for `new AdminGateway({ shop, accessToken, transport })` that answers locally.
 *
 * @example const gateway = new AdminGateway({ shop: DEMO_SHOP_DOMAIN, accessToken: "demo", transport: demoAdminTransport() });
 * @returns a transport with its own discount store (seeded with {@link DEMO_EXISTING_DISCOUNTS});
 *   unsupported queries get a GraphQL error saying the demo does not offer them.
 */
export function demoAdminTransport(options: { timezone?: string; currency?: string } = {}): Transport {
  const discounts = new Map<string, DemoDiscount>();
  let nextId = 1_057_371_200;
  for (const code of DEMO_EXISTING_DISCOUNTS) discounts.set(code.toLowerCase(), { id: `gid://shopify/DiscountCodeNode/${nextId++}`, code });

  return async (_url, init) => {
    if (init.method === "GET") return new Response("", { status: 404 });
    const { query, variables } = JSON.parse(init.body ?? "{}") as { query?: string; variables?: Record<string, unknown> };
    const text = query ?? "";
    if (/\bshop\s*\{\s*ianaTimezone/.test(text)) {
      return answer({ data: { shop: { ianaTimezone: options.timezone ?? "America/New_York", currencyCode: options.currency ?? "USD" } } });
    }
    if (text.includes("discountCodeBasicCreate")) {
      const input = (variables?.basicCodeDiscount ?? {}) as { code?: string; title?: string };
      const code = String(input.code ?? "").trim();
      if (code === "") {
        return answer({ data: { discountCodeBasicCreate: { codeDiscountNode: null, userErrors: [{ field: ["basicCodeDiscount", "code"], code: "BLANK", message: "Code can't be blank" }] } } });
      }
      if (discounts.has(code.toLowerCase())) {
        return answer({
          data: {
            discountCodeBasicCreate: {
              codeDiscountNode: null,
              userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique. Please try a different code." }],
            },
          },
        });
      }
      const created = { id: `gid://shopify/DiscountCodeNode/${nextId++}`, code };
      discounts.set(code.toLowerCase(), created);
      return answer({
        data: { discountCodeBasicCreate: { codeDiscountNode: { id: created.id, codeDiscount: { title: input.title ?? code, codes: { nodes: [{ code }] } } }, userErrors: [] } },
      });
    }
    if (text.includes("codeDiscountNodeByCode")) {
      const found = discounts.get(String(variables?.code ?? "").trim().toLowerCase());
      return answer({ data: { codeDiscountNodeByCode: found ? { id: found.id, codeDiscount: { codes: { nodes: [{ code: found.code }] } } } : null } });
    }
    if (text.includes("bulkOperationRunQuery")) {
      // The demo's history arrived as webhooks already: the export is empty and completes at once.
      return answer({
        data: { bulkOperationRunQuery: { bulkOperation: { id: `gid://shopify/BulkOperation/${nextId++}`, status: "CREATED", errorCode: null, objectCount: "0", url: null, partialDataUrl: null }, userErrors: [] } },
      });
    }
    if (text.includes("BulkOperation")) {
      return answer({ data: { node: { id: String(variables?.id ?? ""), status: "COMPLETED", errorCode: null, objectCount: "0", url: null, partialDataUrl: null } } });
    }
    if (/\borders\s*\(/.test(text)) {
      return answer({ data: { orders: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
    }
    return answer({ errors: [{ message: "This Admin API call is not available in the ICR demo.", extensions: { code: "DEMO_UNSUPPORTED" } }] });
  };
}
