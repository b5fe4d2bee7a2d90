import type { Progress } from "../progress.js";
import type { InputFile } from "./input-file.js";
import { inputError } from "./input-error.js";
import { readCsv } from "./read-csv.js";
import { readJsonArray, readJsonLines } from "./read-json.js";
import { sniffFormat } from "./sniff-format.js";

/** The columns a table file may have. Column names match case-insensitively. */
export interface TableSpec {
  columns: readonly string[];
  /** Columns a CSV header must contain (values may still be checked per row by the caller). */
  required: readonly string[];
  /** Columns holding `;`-separated lists; in JSON they may also be arrays of strings. */
  lists: readonly string[];
}

/** One row: every column of the spec, as text, "" when absent or empty. */
export type TableRecord = Record<string, string>;

/** Separator of list values (`codes`, `links`, `tags`) in a CSV cell. */
export const LIST_SEPARATOR = ";";

/**
 * Reads a small table (roster, clicks, engagements) from CSV, a JSON array of objects or JSON
 * Lines, whichever the file holds, and hands each row to `visit` as text keyed by the spec's
 * column names. An unknown column or key, a missing required column, or a value of the wrong
 * JSON type stops with the file and line. Resolves to the number of rows (0 for an empty file).
 *
 * @example
 * await readTable(inputFile("engagements.csv", cwd), ENGAGEMENT_SPEC, (record, line) => {
 *   console.log(line, record.handle, record.engagements);
 * });
 */
export async function readTable(
  file: InputFile,
  spec: TableSpec,
  visit: (record: TableRecord, line: number) => void,
  progress?: Progress,
): Promise<number> {
  const format = await sniffFormat(file);
  if (format === "empty") return 0;
  if (format === "csv") {
    let names: string[] = [];
    return readCsv(
      file,
      {
        header: (header, line) => {
          names = header.map((name) => canonicalColumn(file, spec, name.trim(), line, "column"));
          const missing = spec.required.filter((column) => !names.includes(column));
          if (missing.length > 0) {
            throw inputError(file.name, line, `the header lacks ${columnList(missing)} (columns: ${spec.columns.join(",")})`);
          }
        },
        row: (values, line) => {
          const record = emptyRecord(spec);
          names.forEach((name, index) => {
            record[name] = values[index] ?? "";
          });
          visit(record, line);
        },
      },
      progress,
    );
  }
  const visitJson = (value: unknown, line: number): void => visit(recordFromJson(file, spec, value, line), line);
  return format === "json-array"
    ? readJsonArray(file, visitJson, progress)
    : readJsonLines(file, visitJson, progress);
}

/**
 * Splits a `;`-separated list cell into trimmed, non-empty items (empty cell: `[]`).
 *
 * @example
 * splitList(" ALICE10; alice-spring ;"); // ["ALICE10", "alice-spring"]
 */
export function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function emptyRecord(spec: TableSpec): TableRecord {
  const record: TableRecord = {};
  for (const column of spec.columns) record[column] = "";
  return record;
}

function canonicalColumn(file: InputFile, spec: TableSpec, name: string, line: number, kind: "column" | "key"): string {
  const lower = name.toLowerCase();
  const column = spec.columns.find((candidate) => candidate.toLowerCase() === lower);
  if (column === undefined) {
    throw inputError(file.name, line, `unknown ${kind} "${name}": expected ${spec.columns.join(", ")}`);
  }
  return column;
}

function recordFromJson(file: InputFile, spec: TableSpec, value: unknown, line: number): TableRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw inputError(file.name, line, "expected a JSON object with the fields " + spec.columns.join(", "));
  }
  const record = emptyRecord(spec);
  for (const [key, field] of Object.entries(value)) {
    const column = canonicalColumn(file, spec, key, line, "key");
    record[column] = jsonFieldText(file, spec, column, field, line);
  }
  return record;
}

function jsonFieldText(file: InputFile, spec: TableSpec, column: string, field: unknown, line: number): string {
  if (field === null || field === undefined) return "";
  if (typeof field === "string") return field;
  if (typeof field === "number" && Number.isFinite(field)) return String(field);
  if (Array.isArray(field) && spec.lists.includes(column)) {
    return field
      .map((item) => {
        if (typeof item !== "string" || item.includes(LIST_SEPARATOR)) {
          throw inputError(file.name, line, `"${column}" must be a list of texts without "${LIST_SEPARATOR}"`);
        }
        return item;
      })
      .join(LIST_SEPARATOR);
  }
  const expected = spec.lists.includes(column) ? "a text or a list of texts" : "a text";
  throw inputError(file.name, line, `"${column}" must be ${expected}`);
}

function columnList(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`).join(", ");
  return names.length === 1 ? `the column ${quoted}` : `the columns ${quoted}`;
}
