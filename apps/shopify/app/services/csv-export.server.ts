/**
 * CSV for the admin's "Export CSV" buttons: RFC 4180 (comma, CRLF, quotes doubled), and text
 * cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) prefixed with
 * an apostrophe, since influencer names and campaign names are typed by people.
 */

export type CsvCell = string | number | null;

/**
 * One CSV document.
 *
 * @example toCsv(["handle", "rate"], [["alice", 5]]) // "handle,rate\r\nalice,5\r\n"
 * @returns the header line alone for no rows; null cells are empty.
 * @throws RangeError when a row's length differs from the header's.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(cell).join(",")];
  rows.forEach((row, i) => {
    if (row.length !== header.length) throw new RangeError(`row ${i + 1} has ${row.length} cells, the header ${header.length}`);
    lines.push(row.map(cell).join(","));
  });
  return lines.join("\r\n") + "\r\n";
}

function cell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A CSV download response.
 *
 * @example return csvResponse("influencers.csv", toCsv(header, rows));
 * @returns a 200 response with a UTF-8 BOM (so spreadsheets read accents right) and an attachment name.
 */
export function csvResponse(filename: string, csv: string): Response {
  return new Response("\uFEFF" + csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
