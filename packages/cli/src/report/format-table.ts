import { DEFAULT_LOW_SAMPLE, type GroupBy } from "@icr/metrics";
import type { Report } from "./build-report.js";
import type { ReportGroup } from "./report-document.js";

const FIRST_COLUMN: Record<GroupBy, string> = {
  overall: "scope",
  influencer: "influencer",
  campaign: "campaign",
  "influencer,campaign": "influencer/campaign",
  platform: "platform",
  tag: "tag",
  campaignType: "campaign type",
  customerType: "customer type",
  country: "country",
  device: "device",
  product: "product",
  day: "day",
  week: "week",
  month: "month",
};

const count = new Intl.NumberFormat("en-US");

type Align = "left" | "right";

/**
 * The report for a terminal: a title line, one aligned row per group (counts, rate with its 95%
 * interval, revenue, conversions by rule, and a "low sample" / "above 100%" note), a total row, and
 * a footer with the orders read, excluded and unattributed, how clicks were counted, and what the
 * interval means. With `--explain`, a receipt per order follows. A null rate shows as "—".
 *
 * @example
 * formatTable(report);
 * // ICR by influencer · purchases per click · 30-day window · days in UTC
 * //
 * // influencer  clicks  conversions  rate    95% interval  revenue  code  link  utm
 * // alice            3            1  33.33%  6.15–79.23%     45.00     1     0    0  low sample
 * // …
 */
export function formatTable(report: Report): string {
  const { document, settings, summary } = report;
  const withEngagements = document.denominator === "engagements";
  const per = withEngagements ? "engagement" : "click";
  const what = settings.goal === "purchase" ? "purchases" : "sign-ups";
  const lines = [
    `ICR by ${settings.by} · ${what} per ${per} · ${settings.windowDays}-day window · days in ${settings.timeZone}`,
    "",
  ];

  const header = [
    FIRST_COLUMN[settings.by],
    "clicks",
    ...(withEngagements ? ["engagements"] : []),
    "conversions",
    "rate",
    "95% interval",
    "revenue",
    "code",
    "link",
    "utm",
    "",
  ];
  // Numbers right-aligned; the group name, the interval and the notes read left to right.
  const align: Align[] = header.map((name, column) => (column === 0 || name === "95% interval" || name === "" ? "left" : "right"));

  // document.groups is built from summary.groups, one for one and in the same order.
  const rows = document.groups.map((group, index) => {
    const summarized = summary.groups[index];
    const byInfluencer = settings.by === "influencer" || settings.by === "influencer,campaign";
    const name = byInfluencer ? group.key : (summarized?.label ?? group.key);
    const notes = [group.lowSample ? "low sample" : "", summarized?.rate.aboveHundred === true ? "above 100%" : ""];
    return row(name, group, withEngagements, notes.filter((note) => note !== "").join(", "));
  });
  const { totals } = document;
  const totalRow = row(
    "total",
    {
      clicks: totals.clicks,
      engagements: totals.engagements,
      conversions: totals.conversions,
      conversionRatePct: totals.conversionRatePct,
      ci95Pct: totals.ci95Pct,
      revenue: totals.revenue,
      byRule: summary.totals.byRule,
    },
    withEngagements,
    "",
  );

  const table = columns([header, ...rows, totalRow], align);
  const width = Math.max(...table.map((line) => line.length));
  lines.push(table[0] ?? "", ...table.slice(1, -1));
  if (rows.length === 0) lines.push("(no groups: nothing was read for this grouping)");
  lines.push("─".repeat(width), table[table.length - 1] ?? "", "");

  lines.push(...footer(report));
  if (report.explanations.length > 0) {
    lines.push("", "Receipts");
    const receipts = columns(
      report.explanations.map((receipt) => [receipt.order, receipt.text]),
      ["left", "left"],
    );
    lines.push(...receipts);
  }
  return `${lines.join("\n")}\n`;
}

function row(
  first: string,
  group: Pick<ReportGroup, "clicks" | "engagements" | "conversions" | "conversionRatePct" | "ci95Pct" | "revenue" | "byRule">,
  withEngagements: boolean,
  notes: string,
): string[] {
  return [
    first,
    count.format(group.clicks),
    ...(withEngagements ? [count.format(group.engagements ?? 0)] : []),
    count.format(group.conversions),
    group.conversionRatePct === null ? "—" : `${group.conversionRatePct.toFixed(2)}%`,
    group.ci95Pct === null ? "—" : `${group.ci95Pct[0].toFixed(2)}–${group.ci95Pct[1].toFixed(2)}%`,
    groupDigits(group.revenue),
    count.format(group.byRule.code),
    count.format(group.byRule.link),
    count.format(group.byRule.utm),
    notes,
  ];
}

function footer(report: Report): string[] {
  const { document, clicks, settings } = report;
  const { excluded } = document;
  const denominator = document.denominator === "engagements" ? "engagements" : "clicks";
  return [
    `Orders: ${count.format(document.totals.orders)} read · ${plural(document.totals.conversions, "conversion")} · ` +
      `${count.format(document.unattributed)} unattributed (no evidence)`,
    `Excluded: ${excluded.test} test, ${excluded.cancelled} cancelled, ${excluded.refunded} refunded, ` +
      `${excluded.selfReferral} self-referral, ${excluded.outsideWindow} outside the ${settings.windowDays}-day window`,
    `Clicks: ${count.format(clicks.recorded)} recorded · ${count.format(clicks.counted)} counted · ` +
      `${plural(clicks.bots, "bot click")} and ${plural(clicks.repeats, "repeat")} (within 60 minutes) left out`,
    `Revenue: order subtotals in ${document.totals.currency}, after discounts and refunds, before shipping and tax.`,
    `Rate = conversions ÷ ${denominator} × 100. The 95% interval (Wilson score) is the range of rates these counts are`,
    `consistent with; "low sample" marks fewer than ${DEFAULT_LOW_SAMPLE.minDenominator} ${denominator} or ` +
      `${DEFAULT_LOW_SAMPLE.minConversions} conversions, where the rate alone misleads.`,
  ];
}

function plural(n: number, noun: string): string {
  return `${count.format(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** Left- or right-aligned columns two spaces apart, trailing spaces trimmed. */
function columns(rows: string[][], align: Align[]): string[] {
  const widths: number[] = [];
  for (const cells of rows) cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((cells) =>
    cells
      .map((cell, i) => (align[i] === "right" ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** "1234567.50" → "1,234,567.50": thousands separators for a decimal string, sign kept. */
function groupDigits(amount: string): string {
  const [whole = "", fraction] = amount.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  return `${sign}${digits}${fraction === undefined ? "" : `.${fraction}`}`;
}
