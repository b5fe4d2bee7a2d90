import { assertCount } from "./assert-count.js";
import { dayOf } from "./calendar.js";
import { parseDay } from "./civil-day.js";
import type { Attribution, ClassifiedClick, Engagement, RollupDimension, RollupRow, RuleCounts } from "./types.js";

/** The additive part of a rollup row. */
export type RollupCounts = Pick<RollupRow, "clicks" | "botClicks" | "engagements" | "purchase" | "signup" | "revenue">;

/** Where a rollup row sits: the fields its key is made of. */
export type RollupCoordinates = Pick<RollupRow, "day" | "influencerId" | "campaign" | "dimension" | "value">;

/**
 * Counts that add nothing: the starting point of every sum.
 *
 * @returns a fresh object with every count 0 (safe to mutate).
 * @example
 * emptyCounts().purchase; // { code: 0, link: 0, utm: 0 }
 */
export function emptyCounts(): RollupCounts {
  return {
    clicks: 0,
    botClicks: 0,
    engagements: 0,
    purchase: { code: 0, link: 0, utm: 0 },
    signup: { code: 0, link: 0, utm: 0 },
    revenue: 0,
  };
}

/**
 * The field-by-field sum of two sets of counts (negative counts, from deltas, add the same way).
 *
 * @returns a new object; the inputs are not modified. `addCounts(emptyCounts(), c)` equals `c`.
 * @example
 * addCounts({ ...emptyCounts(), clicks: 2 }, { ...emptyCounts(), clicks: 3 }).clicks; // 5
 */
export function addCounts(a: RollupCounts, b: RollupCounts): RollupCounts {
  const sum = emptyCounts();
  accumulate(sum, a);
  accumulate(sum, b);
  return sum;
}

/**
 * The identity of a rollup row: rows with the same key are the same cell and merge by addition.
 * Every field is length-prefixed, so no id, campaign or value can make two cells share a key
 * (whatever characters they hold), and a null campaign stays apart from an empty one.
 *
 * @returns a string key, e.g. "10:2024-01-01|5:alice|-|0:|0:" (campaign null, base row).
 * @example
 * rollupKey({ day: "2024-01-01", influencerId: "alice", campaign: "summer", dimension: "country", value: "FR" });
 * // "10:2024-01-01|5:alice|6:summer|7:country|2:FR"
 */
export function rollupKey(row: RollupCoordinates): string {
  const { day, influencerId, campaign, dimension, value } = row;
  const campaignPart = campaign === null ? "-" : `${campaign.length}:${campaign}`;
  return `${day.length}:${day}|${influencerId.length}:${influencerId}|${campaignPart}|${dimension.length}:${dimension}|${value.length}:${value}`;
}

/**
 * Sums rows that share a key, drops rows whose counts are all zero (a refund that cancelled a
 * conversion leaves nothing behind), and returns them in a fixed order: day, influencer, campaign
 * (none first), dimension, value. The result does not depend on the input's order.
 *
 * @returns new row objects (inputs are not modified); `[]` for no rows.
 * @throws RangeError when a count or revenue is not a safe integer.
 * @example
 * mergeRollups([...clickRollup(a, "UTC"), ...clickRollup(b, "UTC")]);
 */
export function mergeRollups(rows: Iterable<RollupRow>): RollupRow[] {
  const merged = new Map<string, RollupRow>();
  for (const row of rows) {
    assertRowCounts(row);
    const key = rollupKey(row);
    const existing = merged.get(key);
    if (existing === undefined) {
      merged.set(key, makeRow(row.day, row.influencerId, row.campaign, row.dimension, row.value, row));
    } else {
      accumulate(existing, row);
    }
  }
  return [...merged.values()].filter((row) => !isZero(row)).sort(compareCoordinates);
}

/**
 * Rollup rows for one classified click, on its day in the shop's time zone.
 * A counted click adds 1 click to the base row and to its country and device rows when known
 * (country upper-cased, device lower-cased, so "us" and "US" are one segment). A bot adds 1 to
 * the base row's `botClicks` only: a crawler's country and device describe a data centre, not an
 * audience. A repeat click (not counted, not a bot) adds nothing.
 *
 * @returns 0 to 3 rows.
 * @throws RangeError for a bad timestamp or time zone.
 * @example
 * clickRollup({ ...click, bot: false, counted: true, country: "FR" }, "Europe/Paris"); // base + country rows
 */
export function clickRollup(click: ClassifiedClick, timeZone: string): RollupRow[] {
  if (!click.bot && !click.counted) return [];
  const day = dayOf(click.at, timeZone);
  const campaign = campaignOf(click.campaign);
  if (click.bot) return [makeRow(day, click.influencerId, campaign, "", "", { botClicks: 1 })];
  const rows = [makeRow(day, click.influencerId, campaign, "", "", { clicks: 1 })];
  const country = segmentValue("country", click.country);
  if (country !== null) rows.push(makeRow(day, click.influencerId, campaign, "country", country, { clicks: 1 }));
  const device = segmentValue("device", click.device);
  if (device !== null) rows.push(makeRow(day, click.influencerId, campaign, "device", device, { clicks: 1 }));
  return rows;
}

/**
 * The rollup row for one imported engagement count (engagements carry no segments).
 *
 * @returns one base row, or `[]` when the count is 0.
 * @throws RangeError for a malformed day or a count that is not a non-negative integer.
 * @example
 * engagementRollup({ day: "2024-01-01", influencerId: "alice", count: 120 }); // [{ …, engagements: 120 }]
 */
export function engagementRollup(engagement: Engagement): RollupRow[] {
  parseDay(engagement.day);
  assertCount("engagement count", engagement.count);
  if (engagement.count === 0) return [];
  return [
    makeRow(engagement.day, engagement.influencerId, campaignOf(engagement.campaign), "", "", {
      engagements: engagement.count,
    }),
  ];
}

/**
 * Rollup rows for one attribution, on the order's day in the shop's time zone, each multiplied by
 * `sign` (-1 takes a previously added attribution back out).
 *
 * Only an "attributed" attribution adds anything: 1 conversion under its goal and rule, and its
 * revenue when the goal is purchase. It goes to the base row and to one row per known segment:
 * customer type, country, device, and each distinct product. A product row carries the whole
 * order's conversion and revenue ("orders containing this product"), so product rows overlap.
 *
 * @returns `[]` for an excluded or unattributed order; otherwise 1 base row plus segment rows.
 * @throws RangeError for an attributed order with no influencer or rule, a revenue that is not a
 *   safe integer, a sign other than 1 or -1, or a bad timestamp or time zone.
 * @example
 * attributionRollup(attribution, "America/New_York");     // add
 * attributionRollup(attribution, "America/New_York", -1); // take back
 */
export function attributionRollup(attribution: Attribution, timeZone: string, sign: 1 | -1 = 1): RollupRow[] {
  if (sign !== 1 && sign !== -1) throw new RangeError(`sign must be 1 or -1, got ${String(sign)}`);
  if (attribution.status !== "attributed") return [];
  const { influencerId, rule, goal, orderId } = attribution;
  if (influencerId === null || rule === null) {
    throw new RangeError(`attribution of order ${orderId} is "attributed" but names no influencer or rule`);
  }
  if (goal !== "purchase" && goal !== "signup") {
    throw new RangeError(`attribution of order ${orderId} has an unknown goal: ${String(goal)}`);
  }
  if (!Number.isSafeInteger(attribution.revenue)) {
    throw new RangeError(`attribution of order ${orderId} has revenue that is not integer minor units: ${String(attribution.revenue)}`);
  }
  const day = dayOf(attribution.createdAt, timeZone);
  const campaign = campaignOf(attribution.campaign);
  const conversion: RuleCounts = { code: 0, link: 0, utm: 0 };
  conversion[rule] = sign;
  const counts: Partial<RollupCounts> = {
    [goal]: conversion,
    revenue: goal === "purchase" ? sign * attribution.revenue : 0,
  };
  const rows = [makeRow(day, influencerId, campaign, "", "", counts)];
  const { segments } = attribution;
  const segmentValues: [RollupDimension, string | null][] = [
    ["customerType", segmentValue("customerType", segments.customerType)],
    ["country", segmentValue("country", segments.country)],
    ["device", segmentValue("device", segments.device)],
    ...[...new Set(segments.products.map((product) => segmentValue("product", product)))].map(
      (product): [RollupDimension, string | null] => ["product", product],
    ),
  ];
  for (const [dimension, value] of segmentValues) {
    if (value !== null) rows.push(makeRow(day, influencerId, campaign, dimension, value, counts));
  }
  return rows;
}

/**
 * What to add to stored rollups when an order's attribution changes (a refund, a cancellation, a
 * re-attribution to someone else, a new order): the old attribution taken out, the new one put in,
 * merged so that rows which cancel disappear.
 *
 * @param previous the attribution the rollups currently hold for the order (null if none).
 * @param next the attribution that replaces it (null to remove the order).
 * @returns the delta rows; `[]` when nothing that rollups count has changed.
 * @throws RangeError when both are given for different orders, or as {@link attributionRollup}.
 * @example
 * attributionDelta(attributed, { ...attributed, status: "excluded", excludedReason: "refunded" }, "UTC");
 * // base and segment rows with -1 conversion and minus the revenue
 */
export function attributionDelta(
  previous: Attribution | null,
  next: Attribution | null,
  timeZone: string,
): RollupRow[] {
  if (previous !== null && next !== null && previous.orderId !== next.orderId) {
    throw new RangeError(`attributionDelta compares one order's attributions, got ${previous.orderId} and ${next.orderId}`);
  }
  return mergeRollups([
    ...(previous === null ? [] : attributionRollup(previous, timeZone, -1)),
    ...(next === null ? [] : attributionRollup(next, timeZone, 1)),
  ]);
}

function makeRow(
  day: string,
  influencerId: string,
  campaign: string | null,
  dimension: RollupDimension | "",
  value: string,
  counts: Partial<RollupCounts>,
): RollupRow {
  // Written out rather than spread: this runs once or more per click in bulk rollups.
  return {
    day,
    influencerId,
    campaign,
    dimension,
    value,
    clicks: counts.clicks ?? 0,
    botClicks: counts.botClicks ?? 0,
    engagements: counts.engagements ?? 0,
    // Each row owns its rule counts, so merging into one never changes another.
    purchase: copyRules(counts.purchase),
    signup: copyRules(counts.signup),
    revenue: counts.revenue ?? 0,
  };
}

function copyRules(rules: RuleCounts | undefined): RuleCounts {
  return rules === undefined ? { code: 0, link: 0, utm: 0 } : { code: rules.code, link: rules.link, utm: rules.utm };
}

/** An empty campaign means no campaign: one key for "no campaign", not two. */
function campaignOf(campaign: string | null | undefined): string | null {
  const trimmed = campaign?.trim();
  return trimmed === undefined || trimmed === "" ? null : trimmed;
}

function segmentValue(dimension: RollupDimension, raw: string | undefined): string | null {
  const trimmed = raw?.trim();
  if (trimmed === undefined || trimmed === "") return null;
  if (dimension === "country") return trimmed.toUpperCase();
  if (dimension === "device") return trimmed.toLowerCase();
  return trimmed;
}

function accumulate(into: RollupCounts, add: RollupCounts): void {
  into.clicks += add.clicks;
  into.botClicks += add.botClicks;
  into.engagements += add.engagements;
  into.revenue += add.revenue;
  into.purchase.code += add.purchase.code;
  into.purchase.link += add.purchase.link;
  into.purchase.utm += add.purchase.utm;
  into.signup.code += add.signup.code;
  into.signup.link += add.signup.link;
  into.signup.utm += add.signup.utm;
}

function assertRowCounts(row: RollupRow): void {
  if (
    !Number.isSafeInteger(row.clicks) ||
    !Number.isSafeInteger(row.botClicks) ||
    !Number.isSafeInteger(row.engagements) ||
    !Number.isSafeInteger(row.revenue) ||
    !isRuleCounts(row.purchase) ||
    !isRuleCounts(row.signup)
  ) {
    throw new RangeError(`rollup row ${rollupKey(row)} has a count that is not a safe integer`);
  }
}

function isRuleCounts(rules: RuleCounts): boolean {
  return Number.isSafeInteger(rules.code) && Number.isSafeInteger(rules.link) && Number.isSafeInteger(rules.utm);
}

function isZero(counts: RollupCounts): boolean {
  return (
    counts.clicks === 0 &&
    counts.botClicks === 0 &&
    counts.engagements === 0 &&
    counts.revenue === 0 &&
    counts.purchase.code === 0 &&
    counts.purchase.link === 0 &&
    counts.purchase.utm === 0 &&
    counts.signup.code === 0 &&
    counts.signup.link === 0 &&
    counts.signup.utm === 0
  );
}

function compareCoordinates(a: RollupCoordinates, b: RollupCoordinates): number {
  return (
    compareText(a.day, b.day) ||
    compareText(a.influencerId, b.influencerId) ||
    compareCampaign(a.campaign, b.campaign) ||
    compareText(a.dimension, b.dimension) ||
    compareText(a.value, b.value)
  );
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareCampaign(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}
