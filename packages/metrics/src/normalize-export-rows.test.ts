import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import { invalidInputOf } from "./test-invalid-input.js";
import { normalizeExportRows, type ExportRow } from "./normalize-export-rows.js";
import { readCsvFixture } from "./test-csv.js";
import type { Order } from "./types.js";

const rows = readCsvFixture("orders-export.csv");

const errorOf = (input: ExportRow[]): InvalidInputError => invalidInputOf(() => normalizeExportRows(input));

const minimal = (line: number, record: Record<string, string>): ExportRow => ({
  line,
  record: { Name: "#1", Currency: "USD", Subtotal: "10.00", "Created at": "2026-03-01 10:00:00 +0000", ...record },
});

describe("normalizeExportRows", () => {
  it("merges the line-item rows of each order of a recorded export", () => {
    const orders = normalizeExportRows(rows);
    expect(orders.map((o) => o.name)).toEqual(["#1042", "#1043", "#1044", "#1045"]);
    expect(orders[0]).toEqual<Order>({
      id: "5912840577311",
      name: "#1042",
      createdAt: Date.parse("2026-03-14T13:42:17Z"),
      updatedAt: Date.parse("2026-03-14T13:42:17Z"),
      currency: "USD",
      subtotal: 4050,
      test: false,
      cancelled: false,
      refunded: false,
      customerEmail: "dana.reyes@example.com",
      country: "US",
      products: ["LT-SAND-M", "TOTE-NAT"],
      discountCodes: ["ALICE10"],
      clickIds: ["c_01HZX8MGZD"],
      visits: [{ source: "pixel", utm: { source: "instagram", medium: "influencer", campaign: "spring-drop", content: "alice" } }],
    });
  });

  it("reads refunds, test tags, several codes, cancellations and the shipping country", () => {
    const [, refunded, tagged, cancelled] = normalizeExportRows(rows);
    // Subtotal 59.90 - Refunded Amount 64.80 (shipping included) floors at 0.
    expect(refunded).toMatchObject({ refunded: true, subtotal: 0, currency: "EUR", country: "DE", customerEmail: undefined });
    // Subtotal 30.00 - 10.00 refunded: a partial refund lowers revenue only.
    expect(tagged).toMatchObject({ test: true, subtotal: 2000, refunded: false, discountCodes: ["BOB10", "WELCOME5"] });
    expect(cancelled).toMatchObject({ cancelled: true, country: "FR", products: ["Gift Card"] });
  });

  it("groups rows by Name even when they are not adjacent, taking the first non-empty value of each field", () => {
    const orders = normalizeExportRows([
      minimal(2, { Name: "#1", "Lineitem sku": "A", Email: "" }),
      minimal(3, { Name: "#2", "Lineitem sku": "B" }),
      { line: 4, record: { Name: "#1", "Lineitem sku": "C", Email: "late@example.com" } },
    ]);
    expect(orders.map((o) => [o.name, o.products, o.customerEmail])).toEqual([
      ["#1", ["A", "C"], "late@example.com"],
      ["#2", ["B"], undefined],
    ]);
  });

  it("returns [] for no rows and ignores unknown columns", () => {
    expect(normalizeExportRows([])).toEqual([]);
    expect(normalizeExportRows([minimal(2, { "Some Future Column": "x" })])).toHaveLength(1);
  });

  it.each<[string, ExportRow[], number, string]>([
    ["a row without Name", [minimal(2, { Name: " " })], 2, "Name"],
    ["an order without Currency", [minimal(5, { Currency: "" })], 5, "Currency"],
    ["a bad currency", [minimal(5, { Currency: "dollars" })], 5, "Currency"],
    ["an unreadable Subtotal", [minimal(2, {}), { line: 3, record: { Name: "#2", Currency: "USD", Subtotal: "1.234", "Created at": "2026-03-01 10:00:00 +0000" } }], 3, "Subtotal"],
    ["an unreadable Refunded Amount", [minimal(7, { "Refunded Amount": "n/a" })], 7, "Refunded Amount"],
    ["a date without a zone", [minimal(4, { "Created at": "2026-03-01 10:00" })], 4, "Created at"],
    ["a bad Cancelled at", [minimal(4, { "Cancelled at": "yes" })], 4, "Cancelled at"],
    ["two ids for one Name", [minimal(2, { Id: "1" }), minimal(3, { Id: "2" })], 2, "Id"],
    ["a bad Id", [minimal(2, { Id: "x-1" })], 2, "Id"],
  ])("rejects %s, naming line and column", (_label, input, line, path) => {
    const error = errorOf(input);
    expect([error.line, error.path]).toEqual([line, path]);
    expect(error.message).toContain(`line ${line}`);
  });

  it("never crashes on random records: Orders or an InvalidInputError", () => {
    const columns = ["Name", "Currency", "Subtotal", "Created at", "Refunded Amount", "Discount Code", "Note Attributes", "Id", "Tags", "Financial Status", "Lineitem sku"];
    const record = fc.dictionary(fc.constantFrom(...columns), fc.oneof(fc.string(), fc.constantFrom("#1", "USD", "10.00", "2026-03-01 10:00:00 +0000", "_icr_click: c1")));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), (records) => {
        try {
          for (const o of normalizeExportRows(records.map((r, i) => ({ line: i + 2, record: r })))) {
            expect(o.subtotal).toBeGreaterThanOrEqual(0);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
