import { normalizeExportRows, normalizeWebhookOrder, type ExportRow, type Order } from "@icr/metrics";
import type { Progress } from "../progress.js";
import type { InputFile } from "./input-file.js";
import { inputError, locate } from "./input-error.js";
import { readCsv } from "./read-csv.js";
import { readJsonArray, readJsonLines } from "./read-json.js";
import { sniffFormat } from "./sniff-format.js";

/**
 * Columns without which a CSV is not Shopify's "Export orders" file. Other columns are left to
 * `normalizeExportRows`, which ignores those it does not read: Shopify adds columns over time.
 */
const EXPORT_COLUMNS = ["Name", "Currency", "Subtotal", "Created at"] as const;

/**
 * Reads Shopify orders from `file`, whichever form it holds: webhook / REST order payloads as JSON
 * Lines or a JSON array (each through `normalizeWebhookOrder`), or the admin's "Export orders" CSV
 * (one row per line item, merged per order by `normalizeExportRows`). An order that appears more
 * than once (orders/create then orders/updated) is kept once, in its latest version (`updatedAt`,
 * then file position). All orders must be in one currency (the shop's), since a report adds their
 * revenue. Returns distinct orders in order of first appearance; `[]` for an empty file. Errors
 * name the file, the line and the field.
 *
 * @example
 * const orders = await readOrders(inputFile("orders_export.csv", cwd));
 * // [{ id: "5678901234", name: "#1001", subtotal: 4500, discountCodes: ["ALICE10"], … }, …]
 */
export async function readOrders(file: InputFile, progress?: Progress): Promise<Order[]> {
  const format = await sniffFormat(file);
  if (format === "empty") return [];
  const orders = format === "csv" ? await readExportCsv(file, progress) : await readOrderJson(file, format, progress);
  checkOneCurrency(file, orders);
  return orders;
}

async function readOrderJson(file: InputFile, format: "json-array" | "json-lines", progress?: Progress): Promise<Order[]> {
  const latest = new Map<string, Order>();
  const visit = (payload: unknown, line: number): void => {
    let order: Order;
    try {
      order = normalizeWebhookOrder(payload);
    } catch (error) {
      throw locate(error, file.name, line);
    }
    const earlier = latest.get(order.id);
    if (earlier === undefined || order.updatedAt >= earlier.updatedAt) latest.set(order.id, order);
  };
  if (format === "json-array") await readJsonArray(file, visit, progress);
  else await readJsonLines(file, visit, progress);
  return [...latest.values()];
}

/** Thrown when one order's rows are not next to each other, so the grouped read cannot be used. */
class ScatteredOrderRows extends Error {}

/**
 * Shopify writes an order's rows one after another, so each order is normalized as soon as its
 * rows are complete: only the current order's rows are held, not the whole file's. If a file has
 * been re-sorted and an order's rows are scattered, it is read again whole.
 */
async function readExportCsv(file: InputFile, progress?: Progress): Promise<Order[]> {
  try {
    return await readExportCsvByOrder(file, progress);
  } catch (error) {
    if (!(error instanceof ScatteredOrderRows)) throw error;
    const rows: ExportRow[] = [];
    await readExportRows(file, (row) => rows.push(row), progress);
    return normalize(file, rows);
  }
}

async function readExportCsvByOrder(file: InputFile, progress?: Progress): Promise<Order[]> {
  const orders: Order[] = [];
  const finished = new Set<string>();
  let group: ExportRow[] = [];
  let name: string | undefined;
  const flush = (): void => {
    if (name === undefined) return;
    for (const order of normalize(file, group)) orders.push(order);
    finished.add(name);
    group = [];
  };
  await readExportRows(
    file,
    (row, rowName) => {
      if (rowName !== name) {
        flush();
        if (finished.has(rowName)) throw new ScatteredOrderRows();
        name = rowName;
      }
      group.push(row);
    },
    progress,
  );
  flush();
  return orders;
}

/**
 * Streams the export's rows as `ExportRow`s, with each row's trimmed Name, after checking that the
 * header is an export's.
 */
async function readExportRows(
  file: InputFile,
  visit: (row: ExportRow, name: string) => void,
  progress?: Progress,
): Promise<void> {
  let names: string[] = [];
  let nameColumn = 0;
  await readCsv(
    file,
    {
      header: (header, line) => {
        names = header.map((name) => name.trim());
        nameColumn = names.indexOf("Name");
        const missing = EXPORT_COLUMNS.filter((column) => !names.includes(column));
        if (missing.length > 0) {
          throw inputError(
            file.name,
            line,
            `not a Shopify "Export orders" CSV or order JSON: the header lacks ${missing.map((c) => `"${c}"`).join(", ")}`,
          );
        }
      },
      row: (values, line) => {
        // Only non-empty cells are kept: the export's line-item rows are mostly blank, and a
        // blank cell reads as absent anyway.
        const record: Record<string, string> = {};
        for (let index = 0; index < values.length; index++) {
          const value = values[index];
          if (value !== undefined && value !== "") record[names[index] ?? ""] = value;
        }
        visit({ line, record }, (values[nameColumn] ?? "").trim());
      },
    },
    progress,
  );
}

function normalize(file: InputFile, rows: readonly ExportRow[]): Order[] {
  try {
    return normalizeExportRows(rows);
  } catch (error) {
    throw locate(error, file.name, rows[0]?.line ?? 1);
  }
}

/** Revenue is summed across orders, which only makes sense in the one shop currency. */
function checkOneCurrency(file: InputFile, orders: readonly Order[]): void {
  const first = orders[0];
  const other = orders.find((order) => order.currency !== first?.currency);
  if (first !== undefined && other !== undefined) {
    throw inputError(
      file.name,
      undefined,
      `order ${other.name} is in ${other.currency} but order ${first.name} is in ${first.currency}: ` +
        "a report adds up revenue in one shop currency, so report each currency's orders separately",
    );
  }
}
