/**
 * What the dashboard is asked for, read from its URL with a schema: the date range (a preset of
 * days ending today, or custom days), the segment to break the rate down by, the goal and the
 * denominator. Anything missing takes its default; anything malformed is a 400 with a message.
 */
import { dayOf, daysBetween, type Denominator, type Goal, type GroupBy } from "@icr/metrics";
import { z } from "zod";

/** The segments the dashboard's switcher offers (the other groupings have their own tables). */
export const SEGMENTS = ["platform", "tag", "campaignType", "customerType", "country", "device", "product"] as const satisfies readonly GroupBy[];
export type Segment = (typeof SEGMENTS)[number];

/** Range presets, in days ending today (shop time zone). */
export const RANGE_PRESETS = ["7", "30", "90", "custom"] as const;

export interface DashboardQuery {
  range: (typeof RANGE_PRESETS)[number];
  /** First and last day included, YYYY-MM-DD in the shop's time zone. */
  from: string;
  to: string;
  segment: Segment;
  goal: Goal;
  denominator: Denominator;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longest custom range: two years of days keeps the trend readable and the read cheap. */
const MAX_RANGE_DAYS = 731;

const schema = z.object({
  range: z.enum(RANGE_PRESETS).default("30"),
  from: z.string().regex(DAY, "from must be a day, YYYY-MM-DD").optional(),
  to: z.string().regex(DAY, "to must be a day, YYYY-MM-DD").optional(),
  segment: z.enum(SEGMENTS).default("platform"),
  goal: z.enum(["purchase", "signup"]).default("purchase"),
  denominator: z.enum(["clicks", "engagements"]).default("clicks"),
});

/** A query string the dashboard cannot answer, with what is wrong. */
export class DashboardQueryError extends Error {
  readonly status = 400;
}

/**
 * Reads the dashboard query from URL search parameters.
 *
 * @example parseDashboardQuery(new URLSearchParams("range=7&goal=signup"), Date.now(), "UTC")
 * // { range: "7", from: <6 days ago>, to: <today>, segment: "platform", goal: "signup", denominator: "clicks" }
 * @returns the query; an empty string gives the defaults (last 30 days, platform, purchase, clicks).
 * @throws DashboardQueryError naming the bad parameter (an unknown value, a malformed or reversed custom range).
 */
export function parseDashboardQuery(params: URLSearchParams, now: number, timeZone: string): DashboardQuery {
  const raw = Object.fromEntries([...params.entries()].filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new DashboardQueryError(parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "));
  }
  const { range, segment, goal, denominator } = parsed.data;
  const today = dayOf(now, timeZone);
  if (range !== "custom") {
    return { range, from: dayOf(now - (Number(range) - 1) * 86_400_000, timeZone), to: today, segment, goal, denominator };
  }
  const from = parsed.data.from;
  const to = parsed.data.to ?? today;
  if (from === undefined) throw new DashboardQueryError("from: a custom range needs a first day");
  let span: number;
  try {
    span = daysBetween(from, to);
  } catch (error) {
    throw new DashboardQueryError(error instanceof Error ? error.message : String(error));
  }
  if (span < 0) throw new DashboardQueryError(`from (${from}) is after to (${to})`);
  if (span >= MAX_RANGE_DAYS) throw new DashboardQueryError(`a custom range covers at most ${MAX_RANGE_DAYS} days`);
  return { range, from, to, segment, goal, denominator };
}

/**
 * The query as URL search parameters (for links that keep the dashboard's filters).
 *
 * @example queryString({ range: "7", … }) // "range=7&segment=platform&goal=purchase&denominator=clicks"
 * @returns the parameters; custom ranges carry from and to.
 */
export function queryString(query: DashboardQuery): string {
  const params = new URLSearchParams({ range: query.range });
  if (query.range === "custom") {
    params.set("from", query.from);
    params.set("to", query.to);
  }
  params.set("segment", query.segment);
  params.set("goal", query.goal);
  params.set("denominator", query.denominator);
  return params.toString();
}
