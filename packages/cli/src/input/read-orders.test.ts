import { InvalidInputError } from "@icr/metrics";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIXTURES, scratchFile } from "../test-files.js";
import { inputFile } from "./input-file.js";
import { readOrders } from "./read-orders.js";

async function problem(name: string, text: string): Promise<string> {
  const error = await readOrders(await scratchFile(name, text)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as Error).message;
}

const payload = (id: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, name: `#${id}`, created_at: "2024-03-01T10:00:00Z", currency: "USD", current_subtotal_price: "10.00", ...extra });

describe("readOrders", () => {
  it("merges the line-item rows of Shopify's export into one order each", async () => {
    const orders = await readOrders(inputFile("orders_export.csv", FIXTURES));
    expect(orders.map((order) => order.name)).toEqual([
      "#1001", "#1002", "#1003", "#1004", "#1005", "#1006", "#1007", "#1008", "#1009", "#1010", "#1011",
    ]);
    expect(orders[0]).toMatchObject({ id: "5601001", subtotal: 4500, discountCodes: ["ALICE10"], products: ["TEE-M", "MUG"] });
    // #1003 spans three rows and has a two-line Note Attributes cell.
    expect(orders[2]).toMatchObject({ subtotal: 3000, clickIds: ["c1"], products: ["TEE-L", "SOCKS", "MUG"] });
  });

  it("merges an order whose rows are not next to each other (a re-sorted export)", async () => {
    const header = "Name,Currency,Subtotal,Created at,Lineitem sku\n";
    const rows = ["#1,USD,10.00,2024-03-01 10:00:00 -0500,A", "#2,USD,5.00,2024-03-01 11:00:00 -0500,B", "#1,,,,C"];
    const orders = await readOrders(await scratchFile("sorted.csv", `${header}${rows.join("\n")}\n`));
    expect(orders.map((order) => [order.name, order.products])).toEqual([
      ["#1", ["A", "C"]],
      ["#2", ["B"]],
    ]);
  });

  it("names the line of a row without a Name", async () => {
    expect(await problem("o.csv", "Name,Currency,Subtotal,Created at\n#1,USD,1.00,2024-03-01 10:00:00 -0500\n,USD,1.00,2024-03-01 10:00:00 -0500\n")).toBe(
      "o.csv:3: Name: is required",
    );
  });

  it("keeps the latest version of an order sent twice, in first-seen position", async () => {
    const orders = await readOrders(inputFile("orders.jsonl", FIXTURES));
    expect(orders.map((order) => order.name)).toEqual(["#2001", "#2002", "#2003", "#2004", "#2005"]);
    expect(orders[0]?.subtotal).toBe(6000);
  });

  it("keeps the later copy when two copies share updated_at", async () => {
    const file = await scratchFile("o.jsonl", `${payload(1)}\n${payload(1, { current_subtotal_price: "7.00" })}\n`);
    expect((await readOrders(file)).map((order) => order.subtotal)).toEqual([700]);
  });

  it("reads a JSON array of payloads", async () => {
    const file = await scratchFile("o.json", `[\n${payload(1)},\n${payload(2)}\n]`);
    expect((await readOrders(file)).map((order) => order.id)).toEqual(["1", "2"]);
  });

  it("gives no orders for an empty file or a header-only export", async () => {
    expect(await readOrders(await scratchFile("o.csv", ""))).toEqual([]);
    expect(await readOrders(await scratchFile("o.csv", "Name,Currency,Subtotal,Created at\n"))).toEqual([]);
  });

  it("names the line and field of a bad payload or export value", async () => {
    expect(await problem("o.json", `[\n${payload(1)},\n${payload(2, { currency: 5 })}\n]`)).toBe(
      "o.json:3: currency: expected a string, got 5",
    );
    expect(await problem("o.jsonl", `${payload(1)}\n[1]\n`)).toMatch(/^o\.jsonl:2: expected an object/u);
    expect(await problem("o.csv", "Name,Currency,Subtotal,Created at\n#1,USD,ten,2024-03-01 10:00:00 -0500\n")).toMatch(
      /^o\.csv:2: Subtotal: /u,
    );
  });

  it("refuses orders in two currencies", async () => {
    expect(await problem("o.jsonl", `${payload(1)}\n${payload(2, { currency: "EUR" })}\n`)).toBe(
      "o.jsonl: order #2 is in EUR but order #1 is in USD: a report adds up revenue in one shop currency, so report each currency's orders separately",
    );
  });

  it("never crashes on random input: orders or a clean InvalidInputError", async () => {
    const header = "Name,Currency,Subtotal,Created at,Discount Code,Note Attributes\n";
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.constantFrom("#1", "USD", "1.00", "2024-03-01 10:00:00 -0500", ",", '"', "\n", "_icr_click: c1", "x"), { maxLength: 40 }).map((parts) => header + parts.join("")),
      fc.array(fc.constantFrom('{"id":1', ',"currency":"USD"', ',"created_at":"2024-03-01T10:00:00Z"', ',"current_subtotal_price":"1.00"', "}", "\n", "[", "]", ","), { maxLength: 30 }).map((parts) => parts.join("")),
      fc.json().map((json) => `${json}\n`),
    );
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        try {
          await readOrders(await scratchFile("fuzz.csv", input));
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          expect(error.message).toMatch(/^fuzz\.csv(:\d+)?: \S/u);
        }
      }),
      { numRuns: 200 },
    );
  });
});
