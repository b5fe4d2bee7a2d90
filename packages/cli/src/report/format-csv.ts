import type { Report } from "./build-report.js";

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * One CSV row per group, after a header row, RFC 4180 style: CRLF line ends, fields quoted when
 * they hold a comma, quote or line break, quotes doubled. Columns mirror the JSON groups
 * (`ci95Pct` split into low and high, `byRule` into three columns, currency added); `engagements`
 * appears only with the engagements denominator. Null is an empty cell. Text cells that a
 * spreadsheet would run as a formula (a campaign named "=HYPERLINK(…)" from a crafted UTM link)
 * get a leading apostrophe. With no groups, returns the header alone.
 *
 * @example
 * formatCsv(report);
 * // "key,influencer,campaign,clicks,conversions,conversionRatePct,ci95LowPct,ci95HighPct,lowSample,revenue,currency,byRuleCode,byRuleLink,byRuleUtm\r\n
 * //  alice,alice,,3,2,66.67,20.77,93.85,true,95.00,USD,1,1,0\r\n…"
 */
export function formatCsv(report: Report): string {
  const { document } = report;
  const withEngagements = document.denominator === "engagements";
  const header = [
    "key",
    "influencer",
    "campaign",
    "clicks",
    ...(withEngagements ? ["engagements"] : []),
    "conversions",
    "conversionRatePct",
    "ci95LowPct",
    "ci95HighPct",
    "lowSample",
    "revenue",
    "currency",
    "byRuleCode",
    "byRuleLink",
    "byRuleUtm",
  ];
  const rows = document.groups.map((group) => [
    text(group.key),
    text(group.influencer),
    text(group.campaign),
    String(group.clicks),
    ...(withEngagements ? [String(group.engagements ?? 0)] : []),
    String(group.conversions),
    numberCell(group.conversionRatePct),
    numberCell(group.ci95Pct?.[0] ?? null),
    numberCell(group.ci95Pct?.[1] ?? null),
    String(group.lowSample),
    group.revenue,
    document.totals.currency,
    String(group.byRule.code),
    String(group.byRule.link),
    String(group.byRule.utm),
  ]);
  return [header, ...rows].map((cells) => `${cells.map(quote).join(",")}\r\n`).join("");
}

function text(value: string | null): string {
  if (value === null) return "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function numberCell(value: number | null): string {
  return value === null ? "" : String(value);
}

function quote(cell: string): string {
  return /[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
