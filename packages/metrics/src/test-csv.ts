/*
 * Test helper: reads a CSV file (RFC 4180: quoted fields may hold commas, quotes and newlines) into
 * records keyed by the header, each with the 1-based line it starts on, as the CLI hands them to
 * normalizeExportRows. Not part of the package.
 */
import { readFileSync } from "node:fs";
import type { ExportRow } from "./normalize-export-rows.js";

export function readCsvFixture(name: string): ExportRow[] {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n") {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else if (c !== "\r") cell += c;
  }
  if (cell !== "" || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return body.map(({ line: at, cells: values }) => ({
    line: at,
    record: Object.fromEntries(header.cells.map((name, i) => [name, values[i] ?? ""])),
  }));
}
