import { DEFAULT_ATTRIBUTION_SETTINGS } from "./settings.js";
import type { Attribution, Evidence, ExclusionReason, Influencer } from "./types.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const VISIT_LABELS: Readonly<Record<string, string>> = {
  landing_site: "the landing page",
  first_visit: "the first visit",
  last_visit: "the last visit",
  pixel: "a storefront event",
};

/**
 * One piece of evidence in words, for receipts and `icr report --explain`. With `orderAt`, timed
 * evidence says how long before (or after) the order it happened.
 *
 * @example
 * describeEvidence({ rule: "code", influencerId: "alice", campaign: null, value: "ALICE10", source: "discount_codes" });
 * // "code ALICE10"
 * describeEvidence(click, order.createdAt); // "click c_9f on link alice-ig, 2 days before the order"
 * describeEvidence(utm);                    // "utm_content=alice on the landing page"
 */
export function describeEvidence(e: Evidence, orderAt?: number): string {
  const when = e.at !== undefined && orderAt !== undefined ? `, ${relativeTo(e.at, orderAt, "the order")}` : "";
  switch (e.rule) {
    case "code":
      return `code ${e.value}`;
    case "link":
      return `click ${e.value}${e.link === undefined ? "" : ` on link ${e.link}`}${when}`;
    case "utm": {
      const referral = e.source.endsWith(".ref");
      const visit = referral ? e.source.slice(0, -".ref".length) : e.source;
      const label = VISIT_LABELS[visit] ?? visit;
      return `${referral ? "ref" : "utm_content"}=${e.value} on ${label}${when}`;
    }
  }
}

/**
 * The attribution in one or two plain sentences: who was credited and by what, what was overruled,
 * or why the order is excluded or unattributed. `influencers` turns ids into handles (ids are shown
 * otherwise); `windowDays` is the window the attribution ran with, for the "outside the window" text.
 *
 * @example
 * explainAttribution(a, roster);
 * // "Credited to alice by code ALICE10; overruled: a click from bob's link 2 days earlier."
 * // "Excluded: test order."
 * // "Not attributed: no evidence."
 * // "Excluded: the only evidence (click c_9f on link alice-ig) was 41 days before the order, outside the 30-day window."
 */
export function explainAttribution(
  a: Attribution,
  influencers?: ReadonlyMap<string, Influencer> | readonly Influencer[],
  windowDays: number = DEFAULT_ATTRIBUTION_SETTINGS.windowDays,
): string {
  const name = handleLookup(influencers);
  const winner = a.evidence[0];
  const overruled = a.overruled.length === 0 ? "" : `; overruled: ${a.overruled.map((e) => losingPhrase(e, a.createdAt, name)).join(", ")}`;
  const expired = a.expired.length === 0 ? "" : `; outside the ${windowDays}-day window: ${a.expired.map((e) => losingPhrase(e, a.createdAt, name)).join(", ")}`;

  if (a.status === "attributed" && winner !== undefined && a.influencerId !== null) {
    const campaign = a.campaign === null ? "" : ` for campaign ${a.campaign}`;
    return `Credited to ${name(a.influencerId)}${campaign} by ${describeEvidence(winner, a.createdAt)}${overruled}${expired}.`;
  }
  if (a.status === "unattributed") return "Not attributed: no evidence.";

  const reason: ExclusionReason = a.excludedReason ?? "test";
  if (reason === "outsideWindow") {
    if (a.expired.length === 1) {
      const only = a.expired[0]!;
      return `Excluded: the only evidence (${describeEvidence(only)}) was ${relativeTo(only.at ?? a.createdAt, a.createdAt, "the order")}, outside the ${windowDays}-day window.`;
    }
    const all = a.expired.map((e) => describeEvidence(e, a.createdAt)).join("; ");
    return `Excluded: all evidence was outside the ${windowDays}-day window (${all}).`;
  }
  if (reason === "selfReferral" && winner !== undefined) {
    return `Excluded: self-referral, ${name(winner.influencerId)}'s own order (${describeEvidence(winner, a.createdAt)}).`;
  }
  const would = winner === undefined ? "" : ` (it would have been credited to ${name(winner.influencerId)} by ${describeEvidence(winner, a.createdAt)})`;
  return `Excluded: ${EXCLUSION_TEXT[reason]}${would}.`;
}

const EXCLUSION_TEXT: Readonly<Record<ExclusionReason, string>> = {
  test: "test order",
  cancelled: "cancelled order",
  refunded: "fully refunded order",
  selfReferral: "self-referral",
  outsideWindow: "outside the window",
};

/** Evidence that lost, told from the loser's side: "a click from bob's link 2 days earlier". */
function losingPhrase(e: Evidence, orderAt: number, name: (id: string) => string): string {
  const when = e.at === undefined ? "" : ` ${relativeTo(e.at, orderAt, "")}`;
  switch (e.rule) {
    case "code":
      return `code ${e.value} (${name(e.influencerId)})`;
    case "link":
      return `a click from ${name(e.influencerId)}'s link${when}`;
    case "utm":
      return `${describeEvidence(e)} (${name(e.influencerId)})${when}`;
  }
}

/**
 * "2 days before the order" / "3 hours after the order"; with an empty `reference`,
 * "2 days earlier" / "3 hours later".
 */
function relativeTo(at: number, reference: number, label: string): string {
  const diff = reference - at;
  const span = duration(Math.abs(diff));
  if (label === "") return diff >= 0 ? `${span} earlier` : `${span} later`;
  if (diff === 0) return `at the time of ${label}`;
  return diff > 0 ? `${span} before ${label}` : `${span} after ${label}`;
}

function duration(ms: number): string {
  if (ms >= DAY_MS) return plural(Math.floor(ms / DAY_MS), "day");
  if (ms >= HOUR_MS) return plural(Math.floor(ms / HOUR_MS), "hour");
  if (ms >= MINUTE_MS) return plural(Math.floor(ms / MINUTE_MS), "minute");
  return "moments";
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

function handleLookup(influencers: ReadonlyMap<string, Influencer> | readonly Influencer[] | undefined): (id: string) => string {
  if (influencers === undefined) return (id) => id;
  const byId = Array.isArray(influencers)
    ? new Map((influencers as readonly Influencer[]).map((i) => [i.id, i]))
    : (influencers as ReadonlyMap<string, Influencer>);
  return (id) => byId.get(id)?.handle ?? id;
}
