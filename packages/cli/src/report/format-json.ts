import type { Report } from "./build-report.js";

/**
 * The report as METRICS.md §6's JSON object, pretty-printed with two spaces and a final newline.
 * Keys come out in the documented order because the document is built in that order. A report
 * with no groups prints `"groups": []`.
 *
 * @example
 * formatJson(report); // '{\n  "denominator": "clicks",\n  "windowDays": 30,\n  "totals": { … } … }\n'
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report.document, null, 2)}\n`;
}
