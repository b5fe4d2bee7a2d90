import { eachDay, monthOf, weekOf } from "./calendar.js";
import { formatDayNumber, parseDay } from "./civil-day.js";
import { GROUP_BY_VALUES, type GroupBy } from "./group-by.js";
import { DEFAULT_LOW_SAMPLE } from "./low-sample.js";
import { currencyDigits } from "./money.js";
import { estimateRate } from "./rate-estimate.js";
import type {
  Campaign,
  Denominator,
  Goal,
  Influencer,
  LowSampleThresholds,
  MinorUnits,
  RateEstimate,
  RollupRow,
  RuleCounts,
} from "./types.js";

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  by: GroupBy;
  /** Which conversions count; "purchase" by default. */
  goal?: Goal;
  /** What rates divide by; "clicks" by default. */
  denominator?: Denominator;
  /** The roster: names for labels, platforms and tags for those groupings. */
  influencers?: Influencer[];
  /** Campaigns: names for labels, types for the campaignType grouping. */
  campaigns?: Campaign[];
  /** First day included ("YYYY-MM-DD", shop time zone). */
  from?: string;
  /** Last day included. */
  to?: string;
  thresholds?: LowSampleThresholds;
  /** ISO code of the revenue figures; validated and echoed on the summary. */
  currency?: string;
}

/** One line of a report. */
export interface GroupSummary {
  key: string;
  label: string;
  /** Set when the group is one influencer (influencer and influencer,campaign groupings). */
  influencerId: string | null;
  /** Set when the group is one campaign (campaign and influencer,campaign groupings); null for "(none)". */
  campaign: string | null;
  clicks: number;
  engagements: number;
  conversions: number;
  revenue: MinorUnits;
  byRule: RuleCounts;
  rate: RateEstimate;
}

/** A report: pooled totals and one line per group. */
export interface Summary {
  by: GroupBy;
  goal: Goal;
  denominator: Denominator;
  /** The `currency` option, upper-cased, when one was given. */
  currency?: string;
  totals: GroupSummary;
  groups: GroupSummary[];
}

/** Key of the group for rows that name no campaign, platform, tag or campaign type. */
const NONE = "(none)";
/** Key of the group for clicks and conversions whose country, device or customer type is unknown. */
const UNKNOWN = "(unknown)";

interface Tally {
  clicks: number;
  engagements: number;
  conversions: number;
  revenue: number;
  byRule: RuleCounts;
}

interface Group {
  key: string;
  label: string;
  influencerId: string | null;
  campaign: string | null;
  tally: Tally;
}

const TIME_GROUPINGS: ReadonlySet<GroupBy> = new Set(["day", "week", "month"]);
const SEGMENT_GROUPINGS: ReadonlySet<GroupBy> = new Set(["country", "device", "customerType", "product"]);
/** Dimensions conversions carry but clicks do not: their groups share the scope's denominator. */
const CONVERSION_ONLY: ReadonlySet<GroupBy> = new Set(["customerType", "product"]);
/** Dimensions where every conversion has at most one value, so an "(unknown)" group completes the total. */
const EXCLUSIVE_SEGMENTS: ReadonlySet<GroupBy> = new Set(["country", "device", "customerType"]);

const CUSTOMER_TYPE_LABELS: Readonly<Record<string, string>> = { new: "New customers", returning: "Returning customers" };

/**
 * The report every surface shows, computed from rollup rows (never from raw orders or clicks).
 *
 * - `totals` are always pooled from the base rows: sum of conversions / sum of the denominator,
 *   never an average of rates.
 * - influencer, campaign, influencer × campaign, and time (day / week / month) groups come from the
 *   base rows; platform, tag and campaignType through the roster and campaigns (an influencer with
 *   several tags counts in each tag's group; no value → key "(none)"). With a roster (or campaign
 *   list), every influencer (or campaign) on it appears, with a null rate when it has no data.
 * - country and device groups come from the segment rows of clicks and conversions; what has no
 *   known value lands in "(unknown)", so the groups add up to the totals.
 * - customerType and product are conversion-only dimensions: clicks do not carry them, so each
 *   group's denominator (clicks, engagements) is the whole scope's. customerType groups (with
 *   "(unknown)") then add up to the overall rate; product groups count orders containing the
 *   product, so an order with several products counts in each and they may add up to more.
 * - groups are sorted by conversions (most first), then key; time groups chronologically, with
 *   every day, week or month between `from` (or the first day with data) and `to` (or the last)
 *   present, empty ones with a null rate.
 * - revenue counts only for the purchase goal (sign-ups have none).
 *
 * @returns the summary; for no rows, zero totals with a null rate and no groups (or the roster's
 *   influencers, the campaigns, or the `from`–`to` days, each with a null rate).
 * @throws RangeError for an unknown grouping, goal or denominator, a malformed day (option or row),
 *   `from` after `to`, a time series longer than 100,000 days, a malformed currency, a bad
 *   threshold, or inconsistent rows that would leave a group with negative counts.
 * @example
 * summarize(rows, { by: "influencer", influencers: roster }).groups[0];
 * // { key: "alice", label: "Alice", influencerId: "alice", campaign: null, clicks: 1000,
 * //   conversions: 50, …, rate: { ratePct: 5, ci95Pct: [3.81, 6.53], … } }
 */
export function summarize(rows: Iterable<RollupRow>, options: SummarizeOptions): Summary {
  const { by, goal, denominator, thresholds, fromDay, toDay } = readOptions(options);
  const roster = new Map((options.influencers ?? []).map((influencer) => [influencer.id, influencer]));
  const campaigns = new Map((options.campaigns ?? []).map((campaign) => [campaign.id, campaign]));
  const describe = describer(by, roster, campaigns);
  const keysOf = baseKeys(by, roster, campaigns);

  const totals = emptyTally();
  const groups = new Map<string, Group>();
  const groupFor = (key: string, row: RollupRow | null): Group => {
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, ...describe(key, row), tally: emptyTally() };
      groups.set(key, group);
    }
    return group;
  };

  const dayNumbers = new Map<string, number>();
  let firstDataDay: number | null = null;
  let lastDataDay: number | null = null;
  for (const row of rows) {
    let dayNumber = dayNumbers.get(row.day);
    if (dayNumber === undefined) {
      dayNumber = parseDay(row.day);
      dayNumbers.set(row.day, dayNumber);
    }
    if ((fromDay !== null && dayNumber < fromDay) || (toDay !== null && dayNumber > toDay)) continue;
    if (row.dimension === "") {
      addRow(totals, row, goal);
      firstDataDay = firstDataDay === null ? dayNumber : Math.min(firstDataDay, dayNumber);
      lastDataDay = lastDataDay === null ? dayNumber : Math.max(lastDataDay, dayNumber);
      if (!SEGMENT_GROUPINGS.has(by)) for (const key of keysOf(row)) addRow(groupFor(key, row).tally, row, goal);
    } else if (row.dimension === by) {
      addRow(groupFor(row.value, row).tally, row, goal);
    }
  }

  if (EXCLUSIVE_SEGMENTS.has(by)) {
    const remainder = subtractGroups(totals, groups.values());
    if (CONVERSION_ONLY.has(by)) {
      // Clicks never carry a customer type; only conversions can be "unknown" here.
      remainder.clicks = 0;
      remainder.engagements = 0;
    }
    if (!isEmptyTally(remainder)) groupFor(UNKNOWN, null).tally = remainder;
  }
  if (CONVERSION_ONLY.has(by)) {
    for (const group of groups.values()) {
      group.tally.clicks = totals.clicks;
      group.tally.engagements = totals.engagements;
    }
  }
  if (by === "influencer") for (const id of roster.keys()) groupFor(id, null);
  if (by === "campaign") for (const id of campaigns.keys()) groupFor(id, null);
  if (TIME_GROUPINGS.has(by)) {
    const start = fromDay ?? firstDataDay;
    const end = toDay ?? lastDataDay;
    if (start !== null && end !== null) {
      for (const key of timeKeys(by, formatDayNumber(start), formatDayNumber(end))) groupFor(key, null);
    }
  }

  const summarizeGroup = (group: Group): GroupSummary => {
    const { tally } = group;
    return {
      key: group.key,
      label: group.label,
      influencerId: group.influencerId,
      campaign: group.campaign,
      clicks: tally.clicks,
      engagements: tally.engagements,
      conversions: tally.conversions,
      revenue: tally.revenue,
      byRule: { ...tally.byRule },
      rate: estimateRate(tally.conversions, denominator === "clicks" ? tally.clicks : tally.engagements, {
        denominatorKind: denominator,
        thresholds,
      }),
    };
  };
  const ordered = [...groups.values()].sort(
    TIME_GROUPINGS.has(by)
      ? (a, b) => compareText(a.key, b.key)
      : (a, b) => b.tally.conversions - a.tally.conversions || compareText(a.key, b.key),
  );
  const summary: Summary = {
    by,
    goal,
    denominator,
    totals: summarizeGroup({ key: "total", label: "Total", influencerId: null, campaign: null, tally: totals }),
    groups: ordered.map(summarizeGroup),
  };
  if (options.currency !== undefined) summary.currency = options.currency.toUpperCase();
  return summary;
}

function readOptions(options: SummarizeOptions) {
  const { by } = options;
  if (!GROUP_BY_VALUES.includes(by)) {
    throw new RangeError(`unknown grouping ${JSON.stringify(by)}: use one of ${GROUP_BY_VALUES.join(", ")}`);
  }
  const goal = options.goal ?? "purchase";
  if (goal !== "purchase" && goal !== "signup") throw new RangeError(`unknown goal ${JSON.stringify(goal)}: use purchase or signup`);
  const denominator = options.denominator ?? "clicks";
  if (denominator !== "clicks" && denominator !== "engagements") {
    throw new RangeError(`unknown denominator ${JSON.stringify(denominator)}: use clicks or engagements`);
  }
  const fromDay = options.from === undefined ? null : parseDay(options.from);
  const toDay = options.to === undefined ? null : parseDay(options.to);
  if (fromDay !== null && toDay !== null && fromDay > toDay) {
    throw new RangeError(`from (${options.from}) is after to (${options.to})`);
  }
  if (options.currency !== undefined) currencyDigits(options.currency);
  return { by, goal, denominator, thresholds: options.thresholds ?? DEFAULT_LOW_SAMPLE, fromDay, toDay };
}

/** The group keys a base row counts toward (several for an influencer with several tags). */
function baseKeys(
  by: GroupBy,
  roster: ReadonlyMap<string, Influencer>,
  campaigns: ReadonlyMap<string, Campaign>,
): (row: RollupRow) => readonly string[] {
  const tagsByInfluencer = new Map<string, readonly string[]>();
  const weeks = new Map<string, string>();
  switch (by) {
    case "overall":
      return () => ["overall"];
    case "influencer":
      return (row) => [row.influencerId];
    case "campaign":
      return (row) => [row.campaign ?? NONE];
    case "influencer,campaign":
      return (row) => [`${row.influencerId}/${row.campaign ?? NONE}`];
    case "platform":
      return (row) => [roster.get(row.influencerId)?.platform?.trim() || NONE];
    case "tag":
      return (row) => {
        let tags = tagsByInfluencer.get(row.influencerId);
        if (tags === undefined) {
          const cleaned = new Set((roster.get(row.influencerId)?.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ""));
          tags = cleaned.size === 0 ? [NONE] : [...cleaned];
          tagsByInfluencer.set(row.influencerId, tags);
        }
        return tags;
      };
    case "campaignType":
      return (row) => [(row.campaign === null ? undefined : campaigns.get(row.campaign)?.type?.trim()) || NONE];
    case "day":
      return (row) => [row.day];
    case "week":
      return (row) => {
        let week = weeks.get(row.day);
        if (week === undefined) {
          week = weekOf(row.day);
          weeks.set(row.day, week);
        }
        return [week];
      };
    case "month":
      // row.day is already validated by the caller.
      return (row) => [row.day.slice(0, 7)];
    default:
      // Segment groupings read segment rows, not base rows.
      return () => [];
  }
}

/** Label and scope fields of a new group; `row` is one of its rows, or null for a filled-in group. */
function describer(
  by: GroupBy,
  roster: ReadonlyMap<string, Influencer>,
  campaigns: ReadonlyMap<string, Campaign>,
): (key: string, row: RollupRow | null) => Omit<Group, "key" | "tally"> {
  const influencerLabel = (id: string) => {
    const influencer = roster.get(id);
    return influencer?.name?.trim() || influencer?.handle || id;
  };
  const campaignLabel = (id: string | null) => (id === null ? "No campaign" : campaigns.get(id)?.name?.trim() || id);
  const plain = (label: string) => ({ label, influencerId: null, campaign: null });
  return (key, row) => {
    switch (by) {
      case "overall":
        return plain("All influencers");
      case "influencer":
        return { label: influencerLabel(key), influencerId: key, campaign: null };
      case "campaign": {
        const campaign = key === NONE ? null : key;
        return { label: campaignLabel(campaign), influencerId: null, campaign };
      }
      case "influencer,campaign": {
        // Always created from a row: this grouping is never filled in.
        const influencerId = row?.influencerId ?? key;
        const campaign = row?.campaign ?? null;
        return { label: `${influencerLabel(influencerId)} · ${campaignLabel(campaign)}`, influencerId, campaign };
      }
      case "platform":
        return plain(key === NONE ? "No platform" : key);
      case "tag":
        return plain(key === NONE ? "No tag" : key);
      case "campaignType":
        return plain(key === NONE ? "No campaign type" : key);
      case "customerType":
        return plain(key === UNKNOWN ? "Unknown" : (CUSTOMER_TYPE_LABELS[key] ?? key));
      case "week":
        return plain(`Week of ${key}`);
      default:
        return plain(key === UNKNOWN ? "Unknown" : key);
    }
  };
}

/** Longest time series a summary fills in, in days: a mistyped year must not allocate millions of groups. */
const MAX_SERIES_DAYS = 100_000;

/** Every day, week (Monday) or month key from `first` to `last`. */
function timeKeys(by: GroupBy, first: string, last: string): string[] {
  if (parseDay(last) - parseDay(first) >= MAX_SERIES_DAYS) {
    throw new RangeError(`${first} to ${last} is more than ${MAX_SERIES_DAYS} days to list by ${by}`);
  }
  if (by === "day") return eachDay(first, last);
  if (by === "week") {
    const start = parseDay(weekOf(first));
    const end = parseDay(weekOf(last));
    const weeks: string[] = [];
    for (let monday = start; monday <= end; monday += 7) weeks.push(formatDayNumber(monday));
    return weeks;
  }
  const months: string[] = [];
  let [year, month] = monthOf(first).split("-").map(Number) as [number, number];
  const lastMonth = monthOf(last);
  for (;;) {
    const key = `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}`;
    months.push(key);
    if (key >= lastMonth) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

function emptyTally(): Tally {
  return { clicks: 0, engagements: 0, conversions: 0, revenue: 0, byRule: { code: 0, link: 0, utm: 0 } };
}

function addRow(tally: Tally, row: RollupRow, goal: Goal): void {
  const rules = row[goal];
  tally.clicks += row.clicks;
  tally.engagements += row.engagements;
  tally.conversions += rules.code + rules.link + rules.utm;
  tally.byRule.code += rules.code;
  tally.byRule.link += rules.link;
  tally.byRule.utm += rules.utm;
  // Revenue belongs to purchases; a sign-up report shows none.
  if (goal === "purchase") tally.revenue += row.revenue;
}

function subtractGroups(totals: Tally, groups: Iterable<Group>): Tally {
  const rest: Tally = { ...totals, byRule: { ...totals.byRule } };
  for (const { tally } of groups) {
    rest.clicks -= tally.clicks;
    rest.engagements -= tally.engagements;
    rest.conversions -= tally.conversions;
    rest.revenue -= tally.revenue;
    rest.byRule.code -= tally.byRule.code;
    rest.byRule.link -= tally.byRule.link;
    rest.byRule.utm -= tally.byRule.utm;
  }
  return rest;
}

function isEmptyTally(tally: Tally): boolean {
  return (
    tally.clicks === 0 &&
    tally.engagements === 0 &&
    tally.conversions === 0 &&
    tally.revenue === 0 &&
    tally.byRule.code === 0 &&
    tally.byRule.link === 0 &&
    tally.byRule.utm === 0
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
