import { resolve } from "node:path";
import { MAX_WINDOW_DAYS, parseGroupBy, type Denominator, type Goal, type GroupBy } from "@icr/metrics";
import { inputFile, type InputFile } from "../input/input-file.js";
import { oneOf, optionalString, requireString, type FlagSpec, type FlagValues } from "../parse-flags.js";
import { UsageError } from "../usage-error.js";

/** The flags of `icr report` (see REPORT_HELP). */
export const REPORT_FLAGS: FlagSpec = {
  orders: { type: "string" },
  influencers: { type: "string" },
  clicks: { type: "string" },
  engagements: { type: "string" },
  "window-days": { type: "string" },
  by: { type: "string" },
  denominator: { type: "string" },
  goal: { type: "string" },
  "time-zone": { type: "string" },
  format: { type: "string" },
  explain: { type: "boolean" },
  output: { type: "string" },
  progress: { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

export type ReportFormat = "table" | "json" | "csv";

/** Everything `icr report` was asked to do, checked. */
export interface ReportOptions {
  orders: InputFile;
  influencers: InputFile;
  clicks?: InputFile;
  engagements?: InputFile;
  windowDays: number;
  by: GroupBy;
  denominator: Denominator;
  goal: Goal;
  timeZone: string;
  format: ReportFormat;
  explain: boolean;
  /** Absolute path to write the report to; standard output when absent. */
  output?: string;
  /** Draw progress even when stderr is not a terminal. */
  progress: boolean;
}

const HINT = 'run "icr report --help" to see the options';

/**
 * Checks the parsed flags of `icr report` and resolves paths against `cwd`. Defaults: window 30
 * days, by influencer, clicks, purchase, UTC, table. Throws UsageError naming the flag for a
 * missing input, a value out of range, an unknown time zone or grouping, `--denominator
 * engagements` without `--engagements`, or an `--output` that is also an input.
 *
 * @example
 * reportOptions({ orders: "o.csv", influencers: "r.csv", by: "campaign" }, "/data");
 * // { orders: { name: "o.csv", path: "/data/o.csv" }, …, by: "campaign", windowDays: 30, format: "table", … }
 */
export function reportOptions(flags: FlagValues, cwd: string): ReportOptions {
  const options: ReportOptions = {
    orders: inputFile(requireString(flags, "orders", "report"), cwd),
    influencers: inputFile(requireString(flags, "influencers", "report"), cwd),
    windowDays: windowDays(optionalString(flags, "window-days", "report")),
    by: groupBy(optionalString(flags, "by", "report")),
    denominator: oneOf(flags, "denominator", ["clicks", "engagements"] as const, "clicks", "report"),
    goal: oneOf(flags, "goal", ["purchase", "signup"] as const, "purchase", "report"),
    timeZone: timeZone(optionalString(flags, "time-zone", "report")),
    format: oneOf(flags, "format", ["table", "json", "csv"] as const, "table", "report"),
    explain: flags.explain === true,
    progress: flags.progress === true,
  };
  const clicks = optionalString(flags, "clicks", "report");
  if (clicks !== undefined) options.clicks = inputFile(clicks, cwd);
  const engagements = optionalString(flags, "engagements", "report");
  if (engagements !== undefined) options.engagements = inputFile(engagements, cwd);
  if (options.denominator === "engagements" && options.engagements === undefined) {
    throw new UsageError("--denominator engagements needs --engagements FILE (the imported counts)", HINT);
  }
  const output = optionalString(flags, "output", "report");
  if (output !== undefined) {
    options.output = resolve(cwd, output);
    const inputs = [options.orders, options.influencers, options.clicks, options.engagements];
    if (inputs.some((input) => input?.path === options.output)) {
      throw new UsageError(`--output ${output} is one of the input files: write the report somewhere else`, HINT);
    }
  }
  return options;
}

function windowDays(text: string | undefined): number {
  if (text === undefined) return 30;
  const days = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) {
    throw new UsageError(`--window-days must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}, not "${text}"`, HINT);
  }
  return days;
}

function groupBy(text: string | undefined): GroupBy {
  if (text === undefined) return "influencer";
  try {
    return parseGroupBy(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new UsageError(`--by: ${error.message}`, HINT);
  }
}

function timeZone(text: string | undefined): string {
  if (text === undefined) return "UTC";
  try {
    // Intl knows the IANA names and throws RangeError for any other.
    return new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`--time-zone "${text}" is not an IANA time zone (e.g. UTC, America/Toronto, Europe/Paris)`, HINT);
  }
}
