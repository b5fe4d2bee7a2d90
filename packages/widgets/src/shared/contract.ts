/**
 * The public API's JSON contract (docs/public-api.md) as the widgets read it, and the checks that
 * turn an unknown payload (fetched, inline `data` attribute, or property) into typed data or a
 * clear error. The API always sends every field; inline data may leave out the optional ones.
 */
import type { Denominator, Goal } from "@icr/metrics";
import { WidgetError } from "./widget-error.js";

/** Which rate a `/rate` response describes. */
export type Scope = "overall" | "influencer" | "campaign";

/** An industry range to place a rate against. */
export interface Benchmark {
  id?: string;
  label: string;
  lowPct: number;
  highPct: number;
  /** Where the range comes from (report, year). */
  source?: string;
}

/** One day of a rate's history; `ratePct` is null on a day without clicks. */
export interface TrendPoint {
  day: string;
  ratePct: number | null;
  clicks?: number;
  conversions?: number;
}

/** `GET …/rate`: one conversion rate, computed by the server. */
export interface RateData {
  /** Percent (5 means 5%); null when there were no clicks ("No data yet"). */
  ratePct: number | null;
  scope?: Scope;
  label?: string;
  goal?: Goal;
  denominator?: Denominator;
  /** First and last day (YYYY-MM-DD) of the period. */
  from?: string;
  to?: string;
  clicks?: number;
  conversions?: number;
  /** Wilson 95% interval in percent. */
  ci95Pct?: [number, number] | null;
  lowSample?: boolean;
  aboveHundred?: boolean;
  /** The rate over the period of the same length just before, for the trend arrow. */
  previousRatePct?: number | null;
  benchmark?: Benchmark | null;
  trend?: TrendPoint[];
  currency?: string;
  generatedAt?: string;
}

/** One row of `GET …/leaderboard`, ranked by `shrunkPct`. */
export interface LeaderboardEntry {
  handle: string;
  ratePct: number | null;
  rank?: number;
  name?: string;
  platform?: string;
  clicks?: number;
  conversions?: number;
  ci95Pct?: [number, number] | null;
  /** Empirical-Bayes estimate the ranking uses (METRICS.md §3). */
  shrunkPct?: number | null;
  lowSample?: boolean;
}

/** `GET …/leaderboard`. */
export interface LeaderboardData {
  influencers: LeaderboardEntry[];
  goal?: Goal;
  denominator?: Denominator;
  from?: string;
  to?: string;
  generatedAt?: string;
}

/** Returns the path of the first field that breaks the rule, or undefined when `v` passes. */
type Check = (v: unknown, path: string) => string | undefined;

const is =
  (test: (v: unknown) => boolean): Check =>
  (v, path) =>
    test(v) ? undefined : path;
/** May be missing. */
const opt =
  (check: Check): Check =>
  (v, path) =>
    v === undefined ? undefined : check(v, path);
/** May be null. */
const orNull =
  (check: Check): Check =>
  (v, path) =>
    v === null ? undefined : check(v, path);
const num = is(Number.isFinite);
const count = is((v) => Number.isSafeInteger(v) && (v as number) >= 0);
const str = is((v) => typeof v === "string");
const bool = is((v) => typeof v === "boolean");
const day = is((v) => typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v));
const interval = is((v) => Array.isArray(v) && v.length === 2 && v.every(Number.isFinite) && v[0] <= v[1]);
const shape =
  (fields: Record<string, Check>): Check =>
  (v, path) => {
    if (typeof v !== "object" || !v || Array.isArray(v)) return path;
    for (const key in fields) {
      const bad = fields[key]!((v as Record<string, unknown>)[key], `${path}.${key}`);
      if (bad) return bad;
    }
    return undefined;
  };
const list =
  (item: Check): Check =>
  (v, path) =>
    Array.isArray(v) ? v.reduce<string | undefined>((bad, x, i) => bad ?? item(x, `${path}[${i}]`), undefined) : path;

// Only the fields a widget shows are checked; the others (goal, currency, generatedAt…) pass as they are.
const RATE = shape({
  ratePct: orNull(num),
  label: opt(str),
  denominator: opt(is((v) => v === "clicks" || v === "engagements")),
  from: opt(day),
  to: opt(day),
  clicks: opt(count),
  conversions: opt(count),
  ci95Pct: opt(orNull(interval)),
  lowSample: opt(bool),
  aboveHundred: opt(bool),
  previousRatePct: opt(orNull(num)),
  benchmark: opt(orNull(shape({ label: str, lowPct: num, highPct: num }))),
  trend: opt(list(shape({ day, ratePct: orNull(num) }))),
});
const LEADERBOARD = shape({
  influencers: list(
    shape({
      handle: str,
      ratePct: orNull(num),
      rank: opt(count),
      name: opt(str),
      platform: opt(str),
      clicks: opt(count),
      conversions: opt(count),
      shrunkPct: opt(orNull(num)),
      lowSample: opt(bool),
    }),
  ),
});

function parseWith<T>(check: Check, value: unknown): T {
  const bad = check(value, "data");
  if (bad) throw new WidgetError("invalid", `Invalid data: ${bad}`);
  return value as T;
}

/**
 * Checks a `/rate` payload (or inline data) and returns it typed. Only `ratePct` is required.
 *
 * @returns the same object, typed; throws WidgetError("invalid") naming the first bad field, e.g.
 * "Invalid data: data.ratePct" for `{}` (an empty object has no rate, not even a null one).
 * @example
 * parseRate({ ratePct: 5, clicks: 1000, conversions: 50 }).ratePct; // 5
 * parseRate({ ratePct: "5" }); // throws "Invalid data: data.ratePct"
 */
export function parseRate(value: unknown): RateData {
  return parseWith(RATE, value);
}

/**
 * Checks a `/leaderboard` payload (or inline data) and returns it typed. `influencers` is required,
 * each with `handle` and `ratePct`.
 *
 * @returns the same object, typed; `{ influencers: [] }` is valid (the empty state). Throws
 * WidgetError("invalid") naming the first bad field.
 * @example
 * parseLeaderboard({ influencers: [] }).influencers.length; // 0
 * parseLeaderboard({ influencers: [{ handle: 1 }] }); // throws "Invalid data: data.influencers[0].handle"
 */
export function parseLeaderboard(value: unknown): LeaderboardData {
  return parseWith(LEADERBOARD, value);
}
