import { readCartAttributes } from "./cart-attributes.js";
import { InvalidInputError } from "./errors.js";
import { money } from "./json-fields.js";
import { normalizeEmail } from "./normalize-email.js";
import { orderRecord } from "./order-record.js";
import { parseTimestamp } from "./parse-timestamp.js";
import { shopifyId } from "./shopify-id.js";
import type { Order } from "./types.js";

/** One record of Shopify's "Export orders" CSV, keyed by its header, with the file line it came from. */
export interface ExportRow {
  line: number;
  record: Record<string, string>;
}

/** The tag that marks an order as a test in an export, which has no test column. */
export const TEST_TAG = "test";

/**
 * Orders from the records of Shopify's admin "Export orders" CSV (columns as Shopify names them:
 * Name, Email, Financial Status, Currency, Subtotal, Discount Code, Created at, Cancelled at,
 * Refunded Amount, Lineitem name, Lineitem sku, Billing Country, Shipping Country, Id,
 * Note Attributes, Tags, …). The export writes one row per line item; rows with the same Name are
 * one order, whose order-level fields are on its first row (for each field the first non-empty value
 * is taken). What the export cannot say, and how it is read:
 * - revenue: Subtotal − Refunded Amount, floored at 0. Refunded Amount also holds refunded shipping
 *   and tax, so a refund of those lowers revenue a little too much (an approximation);
 * - refunded: Financial Status "refunded" only (partial refunds keep the order);
 * - test orders: there is no test column; an order tagged "test" (Tags) is a test order, every
 *   other order is real. Tag test orders, or leave them out of the export;
 * - products: Lineitem sku, else Lineitem name (the export has no product ids);
 * - no customer id, customer type, device, landing page or journey: evidence is the discount codes
 *   (comma-separated) and the Note Attributes lines `_icr_click: …` / `_icr_utm: …`;
 * - updatedAt is Created at. Id is the order id, else the Name.
 * Unknown columns are ignored. Returns orders in the order of their first row; [] for no rows.
 * Throws InvalidInputError with the line and column of the first bad value (a row without Name,
 * an order without Currency, Subtotal or Created at, an unreadable amount or date, rows of one Name
 * with two different Ids).
 *
 * @example
 * normalizeExportRows([
 *   { line: 2, record: { Name: "#1001", Currency: "USD", Subtotal: "45.00", "Created at": "2026-03-01 10:15:00 -0500", "Lineitem sku": "TEE-M", … } },
 *   { line: 3, record: { Name: "#1001", "Lineitem sku": "MUG", … } },
 * ]); // [{ id: "#1001", subtotal: 4500, products: ["TEE-M", "MUG"], … }]
 */
export function normalizeExportRows(rows: Iterable<ExportRow>): Order[] {
  const groups = new Map<string, ExportRow[]>();
  for (const row of rows) {
    const name = cell(row, "Name");
    if (name === undefined) throw new InvalidInputError("is required", { line: row.line, path: "Name" });
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [row]);
    else group.push(row);
  }
  return [...groups.entries()].map(([name, group]) => mergeOrder(name, group));
}

function mergeOrder(name: string, rows: ExportRow[]): Order {
  const first = (column: string): { value: string; line: number } | undefined => {
    for (const row of rows) {
      const value = cell(row, column);
      if (value !== undefined) return { value, line: row.line };
    }
    return undefined;
  };
  const required = (column: string): { value: string; line: number } => {
    const found = first(column);
    if (found === undefined) throw new InvalidInputError(`is required for order ${name}`, { line: rows[0]!.line, path: column });
    return found;
  };

  const currencyCell = required("Currency");
  const currency = currencyCell.value.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new InvalidInputError(`not a currency code: ${JSON.stringify(currencyCell.value)}`, { line: currencyCell.line, path: "Currency" });
  const subtotalCell = required("Subtotal");
  const gross = money(subtotalCell.value, currency, "Subtotal", subtotalCell.line);
  if (gross < 0) throw new InvalidInputError("is negative", { line: subtotalCell.line, path: "Subtotal" });
  const refundCell = first("Refunded Amount");
  const refundedAmount = refundCell === undefined ? 0 : money(refundCell.value, currency, "Refunded Amount", refundCell.line);

  const createdCell = required("Created at");
  const createdAt = timestamp(createdCell, "Created at");
  const cancelledCell = first("Cancelled at");
  if (cancelledCell !== undefined) timestamp(cancelledCell, "Cancelled at");

  const ids = new Set(rows.flatMap((row) => cell(row, "Id") ?? []));
  if (ids.size > 1) throw new InvalidInputError(`rows of order ${name} carry different ids (${[...ids].join(", ")})`, { line: rows[0]!.line, path: "Id" });
  const idCell = first("Id");
  const id = idCell === undefined ? name : shopifyId(idCell.value);
  if (id === undefined) throw new InvalidInputError(`not an order id: ${JSON.stringify(idCell!.value)}`, { line: idCell!.line, path: "Id" });

  const tags = (first("Tags")?.value ?? "").split(",").map((tag) => tag.trim().toLowerCase());
  const country = first("Billing Country")?.value ?? first("Shipping Country")?.value;
  const cart = readCartAttributes(noteAttributes(first("Note Attributes")?.value));

  return orderRecord({
    id,
    name,
    createdAt,
    updatedAt: createdAt,
    currency,
    subtotal: Math.max(0, gross - refundedAmount),
    test: tags.includes(TEST_TAG),
    cancelled: cancelledCell !== undefined,
    refunded: first("Financial Status")?.value.toLowerCase() === "refunded",
    customerId: undefined,
    customerEmail: normalizeEmail(first("Email")?.value),
    customerType: undefined,
    country: country?.toUpperCase(),
    device: undefined,
    products: unique(rows.flatMap((row) => cell(row, "Lineitem sku") ?? cell(row, "Lineitem name") ?? [])),
    discountCodes: unique(rows.flatMap((row) => (cell(row, "Discount Code") ?? "").split(",")).map((c) => c.trim()).filter((c) => c !== "")),
    clickIds: cart.clickIds,
    visits: cart.visits,
  });
}

/** A cell's trimmed text; undefined when the column is missing or blank. Throws on a non-string. */
function cell(row: ExportRow, column: string): string | undefined {
  const value: unknown = row.record[column];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new InvalidInputError("expected text", { line: row.line, path: column });
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function timestamp(found: { value: string; line: number }, column: string): number {
  const at = parseTimestamp(found.value);
  if (at === undefined) {
    throw new InvalidInputError(`not a date with a time zone: ${JSON.stringify(found.value)}`, { line: found.line, path: column });
  }
  return at;
}

/** "Note Attributes" holds one `name: value` per line. */
function noteAttributes(text: string | undefined): [string, string][] {
  if (text === undefined) return [];
  return text.split(/\r?\n/).flatMap((entry): [string, string][] => {
    const colon = entry.indexOf(":");
    return colon <= 0 ? [] : [[entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()]];
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
