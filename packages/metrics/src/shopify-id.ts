const GID = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)(?:\?.*)?$/;

/**
 * The numeric id Shopify uses in REST payloads and exports, from either form it comes in: a number
 * (`450789469`), a numeric string, or a GraphQL global id (`gid://shopify/Order/450789469`). One
 * spelling per id lets a webhook and a GraphQL backfill of the same order meet. Returns undefined
 * for anything else (null, "", a non-integer, an unsafe integer that JSON already rounded).
 *
 * @example
 * shopifyId("gid://shopify/Customer/207119551"); // "207119551"
 * shopifyId(207119551);                          // "207119551"
 * shopifyId(null);                               // undefined
 */
export function shopifyId(value: unknown): string | undefined {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return text;
  return GID.exec(text)?.[1];
}
