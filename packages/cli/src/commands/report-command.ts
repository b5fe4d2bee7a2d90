import type { CliIo } from "../cli-io.js";
import { REPORT_HELP } from "../help.js";
import { checkReadable } from "../input/input-file.js";
import { readClicks } from "../input/read-clicks.js";
import { readEngagements } from "../input/read-engagements.js";
import { readOrders } from "../input/read-orders.js";
import { readRoster } from "../input/read-roster.js";
import { parseFlags } from "../parse-flags.js";
import { Progress } from "../progress.js";
import { buildReport, type Report } from "../report/build-report.js";
import { formatCsv } from "../report/format-csv.js";
import { formatJson } from "../report/format-json.js";
import { formatTable } from "../report/format-table.js";
import { REPORT_FLAGS, reportOptions, type ReportFormat, type ReportOptions } from "../report/report-options.js";
import { writeFileAtomically } from "../write-output.js";

const FORMATTERS: Record<ReportFormat, (report: Report) => string> = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
};

/**
 * `icr report` (METRICS.md §6): reads the orders, roster, clicks and engagements files, computes
 * the report with @icr/metrics and prints it as a table, JSON or CSV, to stdout or atomically to
 * `--output`. Everything is computed in memory first, so bad input (thrown as InvalidInputError
 * or UsageError for `run` to print) leaves stdout empty and no output file behind. Progress goes
 * to stderr only. With `--help` prints the help instead; with no arguments throws the UsageError
 * for the missing `--orders`.
 *
 * @example
 * await reportCommand(["--orders", "orders.csv", "--influencers", "roster.csv", "--format", "json"], io);
 */
export async function reportCommand(args: readonly string[], io: CliIo): Promise<void> {
  const flags = parseFlags(args, REPORT_FLAGS, "report");
  if (flags.help === true) {
    io.stdout.write(REPORT_HELP);
    return;
  }
  const options = reportOptions(flags, io.cwd);
  const progress = new Progress(io.stderr, io.isTTY || options.progress);
  let text: string;
  try {
    const report = await computeReport(options, progress);
    progress.phase("formatting", "groups");
    text = FORMATTERS[options.format](report);
  } finally {
    progress.clear();
  }
  if (options.output === undefined) io.stdout.write(text);
  else await writeFileAtomically(options.output, text);
}

async function computeReport(options: ReportOptions, progress: Progress): Promise<Report> {
  // Check every file before reading any, so a typo in the last one fails at once, not after the orders.
  const files = [options.orders, options.influencers, options.clicks, options.engagements];
  for (const file of files) if (file !== undefined) await checkReadable(file);

  progress.phase(`reading ${options.influencers.name}`, "influencers");
  const roster = await readRoster(options.influencers, progress);
  progress.phase(`reading ${options.orders.name}`, "rows");
  const orders = await readOrders(options.orders, progress);
  let clicks: Awaited<ReturnType<typeof readClicks>> = [];
  if (options.clicks !== undefined) {
    progress.phase(`reading ${options.clicks.name}`, "clicks");
    clicks = await readClicks(options.clicks, roster.links, progress);
  }
  let engagements: Awaited<ReturnType<typeof readEngagements>> = [];
  if (options.engagements !== undefined) {
    progress.phase(`reading ${options.engagements.name}`, "rows");
    engagements = await readEngagements(options.engagements, roster.influencers, progress);
  }
  return buildReport({ roster, orders, clicks, engagements }, options, progress);
}
