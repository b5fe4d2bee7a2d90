import { foldedCodeRow, type AttributionIndex, type IndexedInfluencer } from "./attribution-index.js";
import { EMPTY_LIST } from "./order-record.js";
import { DEFAULT_ATTRIBUTION_SETTINGS } from "./settings.js";
import type {
  Attribution,
  AttributionSettings,
  Evidence,
  ExclusionReason,
  Order,
  Rule,
  VisitSource,
} from "./types.js";

const DAY_MS = 86_400_000;
/** Shared by every result with nothing to list: frozen, so no caller can fill it for the next. */
const NONE: Evidence[] = EMPTY_LIST;
/** Evidence `source` for a Shopify referral code (`ref`) read from each kind of visit. */
const REFERRAL_SOURCE: Readonly<Record<VisitSource, string>> = {
  landing_site: "landing_site.ref",
  first_visit: "first_visit.ref",
  last_visit: "last_visit.ref",
  pixel: "pixel.ref",
};

/*
 * Candidates of the order being attributed, in scratch arrays reused by every call: attribution runs
 * a million times in a row, and these allocate nothing per order. attributeOrder is synchronous, so
 * the arrays never serve two orders at once. Besides each candidate's Evidence, they keep the facts
 * the decision reads (rule, influencer, campaign, time), so the decision never goes back to a cold
 * evidence object of the index: each such read would be a memory access of its own.
 */
const found: Evidence[] = [];
const rules: Rule[] = [];
/** Roster position of the influencer each candidate credits: only the winner's record is read. */
const owners: number[] = [];
const campaigns: (string | null)[] = [];
/** When each candidate touched, for the touch model: its time, or the order's for the ordering session. */
const touchedAt: number[] = [];
/** Whether each candidate counts (inside the window, or a kind of evidence that has none). */
const inside: boolean[] = [];
let count = 0;

/* Per-settings facts, recomputed only when a different settings object comes in. */
let preparedFor: AttributionSettings | undefined;
const rank: Record<Rule, number> = { code: 0, link: 1, utm: 2 };
const enabled: Record<Rule, boolean> = { code: true, link: true, utm: true };

/**
 * Which influencer (and campaign) an order is credited to, by the rules of METRICS.md §4, with the
 * evidence that won, the evidence it overruled and the evidence that expired, so the decision can
 * be explained. In this order:
 * 1. evidence is gathered: discount codes (no window), click ids and visits. Link and UTM evidence
 *    counts when it happened at most `windowDays` before the order and not after it; the
 *    `landing_site` (the session that placed the order) and codes have no window. Unknown codes and
 *    click ids are ignored, as are rules left out of `settings.precedence`.
 * 2. the winner: the first rule of `precedence` with evidence wins; among codes the first matching
 *    code of the order's own list; among link or UTM touches the last (or first) by time.
 * 3. exclusions: test, cancelled, refunded (in that order) before anything else; then
 *    "outsideWindow" when all evidence expired; then self-referral (customer email or id equal to
 *    the winner's). An excluded order keeps its evidence for the receipt but credits nobody.
 * 4. campaign: the winning code's or click's, else `utm_campaign` of the winner's UTM evidence,
 *    else the influencer's default, else null.
 * `evidence[0]` is the winner, the rest of `evidence` supports it (same influencer), `overruled`
 * names other influencers; every list is sorted deterministically. The result does not depend on
 * the order of `visits` or `clickIds`, and attributing twice gives equal results.
 * Settings are read as immutable (`resolveSettings` and the defaults are frozen): a settings object
 * changed in place between calls is not noticed. Returns status "unattributed" (revenue 0, empty
 * lists) for an order without evidence.
 *
 * @example
 * const index = buildAttributionIndex({
 *   influencers: [{ id: "alice", handle: "alice", tags: [] }],
 *   codes: [{ code: "ALICE10", influencerId: "alice" }],
 * });
 * attributeOrder({ ...order, discountCodes: ["alice10"] }, index);
 * // { status: "attributed", influencerId: "alice", rule: "code", revenue: order.subtotal, … }
 */
export function attributeOrder(
  order: Order,
  index: AttributionIndex,
  settings: AttributionSettings = DEFAULT_ATTRIBUTION_SETTINGS,
): Attribution {
  if (settings !== preparedFor) prepare(settings);
  const orderAt = order.createdAt;
  const windowStart = orderAt - settings.windowDays * DAY_MS;
  count = 0;
  collect(order, index, orderAt, windowStart);

  const winner = count === 0 ? -1 : pickWinner(settings);
  let evidence = NONE;
  let overruled = NONE;
  let expired = NONE;
  const position = winner >= 0 ? owners[winner]! : -1;
  const owner = winner >= 0 ? index.roster[position]! : undefined;
  if (winner >= 0) evidence = [found[winner]!];
  for (let i = 0; i < count; i++) {
    if (i === winner) continue;
    const e = found[i]!;
    if (!inside[i]) expired = expired === NONE ? [e] : push(expired, e);
    else if (owners[i] === position) evidence.push(e);
    else overruled = overruled === NONE ? [e] : push(overruled, e);
  }
  if (evidence.length > 2) sortFrom(evidence, 1);
  if (overruled.length > 1) sortFrom(overruled, 0);
  if (expired.length > 1) sortFrom(expired, 0);

  let reason: ExclusionReason | null = order.test
    ? "test"
    : order.cancelled
      ? "cancelled"
      : order.refunded
        ? "refunded"
        : owner === undefined && expired.length > 0
          ? "outsideWindow"
          : null;
  let influencerId: string | null = null;
  let campaign: string | null = null;
  let rule: Rule | null = null;
  if (reason === null && owner !== undefined) {
    if (isSelfReferral(order, owner, settings)) {
      reason = "selfReferral";
    } else {
      influencerId = owner.id;
      rule = rules[winner]!;
      campaign = campaigns[winner] ?? utmCampaignOf(position, settings) ?? owner.campaign;
    }
  }

  return {
    orderId: order.id,
    orderName: order.name,
    goal: order.goal ?? "purchase",
    createdAt: orderAt,
    status: influencerId !== null ? "attributed" : reason !== null ? "excluded" : "unattributed",
    excludedReason: reason,
    influencerId,
    campaign,
    rule,
    evidence,
    overruled,
    expired,
    revenue: influencerId !== null ? order.subtotal : 0,
    currency: order.currency,
    segments: {
      customerType: order.customerType,
      country: order.country,
      device: order.device,
      products: order.products,
    },
  };
}

function prepare(settings: AttributionSettings): void {
  enabled.code = enabled.link = enabled.utm = false;
  rank.code = rank.link = rank.utm = settings.precedence.length;
  settings.precedence.forEach((rule, i) => {
    enabled[rule] = true;
    rank[rule] = i;
  });
  preparedFor = settings;
}

function collect(order: Order, index: AttributionIndex, orderAt: number, windowStart: number): void {
  if (enabled.code) {
    const codes = order.discountCodes;
    const spellings = index.codeSpellings;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      let row = spellings.find(code);
      let e = row >= 0 ? index.codeEvidence[spellings.int(row, 2)] : undefined;
      if (e === undefined) {
        row = foldedCodeRow(index, code);
        if (row >= 0) e = { ...index.codeEvidence[spellings.int(row, 2)]!, value: code };
      }
      if (e === undefined) continue;
      const campaign = spellings.int(row, 1);
      add(e, "code", spellings.int(row, 0), campaign < 0 ? null : index.codeCampaigns[campaign]!, orderAt, true);
    }
  }
  const clicks = index.clicks;
  if (enabled.link) {
    const clickIds = order.clickIds;
    for (let i = 0; i < clickIds.length; i++) {
      const id = clickIds[i]!;
      const slot = clicks.slot(id);
      if (slot >= 0) addClick(index, slot, id, "note_attributes", orderAt, windowStart, false);
    }
  }
  const visits = order.visits;
  for (let i = 0; i < visits.length; i++) {
    const visit = visits[i]!;
    const session = visit.source === "landing_site";
    if (enabled.link && visit.clickId !== undefined) {
      const slot = clicks.slot(visit.clickId);
      if (slot >= 0) addClick(index, slot, visit.clickId, visit.source, orderAt, windowStart, session);
    }
    if (!enabled.utm) continue;
    const at = visit.at;
    // A visit without a time (the landing_site) is the ordering session: latest touch, no window.
    const time = at === undefined ? orderAt : at;
    const counts = session || at === undefined || (at >= windowStart && at <= orderAt);
    const content = visit.utm.content;
    if (content !== undefined) addUtm(index, content, visit.source, visit.utm.campaign, at, time, counts);
    const referral = visit.referralCode;
    if (referral !== undefined) addUtm(index, referral, REFERRAL_SOURCE[visit.source], visit.utm.campaign, at, time, counts);
  }
}

/** A click id as link evidence; it counts inside the window, or always when read from the ordering session. */
function addClick(index: AttributionIndex, slot: number, id: string, source: string, orderAt: number, windowStart: number, session: boolean): void {
  const clicks = index.clicks;
  const at = clicks.at(slot);
  const campaign = clicks.campaign(slot);
  const owner = clicks.influencerIndex(slot);
  const e: Evidence = { rule: "link", influencerId: index.rosterIds[owner]!, campaign, at, value: id, source, link: clicks.link(slot) };
  add(e, "link", owner, campaign, at, session || (at >= windowStart && at <= orderAt));
}

/** A `utm_content` value (or referral code) as UTM evidence, when it names an influencer. */
function addUtm(
  index: AttributionIndex,
  value: string,
  source: string,
  utmCampaign: string | undefined,
  at: number | undefined,
  time: number,
  counts: boolean,
): void {
  const row = index.utmTable.find(value);
  if (row < 0) return;
  const owner = index.utmTable.int(row, 0);
  const campaign = campaignOf(index, utmCampaign);
  add({ rule: "utm", influencerId: index.rosterIds[owner]!, campaign, at, value, source, link: undefined }, "utm", owner, campaign, time, counts);
}

/** `utm_campaign` as a campaign id: canonical when the shop lists campaigns (unknown ones: null). */
function campaignOf(index: AttributionIndex, utmCampaign: string | undefined): string | null {
  if (utmCampaign === undefined) return null;
  return index.campaigns === null ? utmCampaign : (index.campaigns.get(utmCampaign) ?? null);
}

/** Records a candidate unless an identical one is already there (a click id listed twice). */
function add(e: Evidence, rule: Rule, owner: number, campaign: string | null, time: number, counts: boolean): void {
  for (let i = 0; i < count; i++) {
    if (found[i] === e || (rules[i] === rule && sameEvidence(found[i]!, e))) return;
  }
  found[count] = e;
  rules[count] = rule;
  owners[count] = owner;
  campaigns[count] = campaign;
  touchedAt[count] = time;
  inside[count] = counts;
  count++;
}

function sameEvidence(a: Evidence, b: Evidence): boolean {
  return (
    a.rule === b.rule &&
    a.value === b.value &&
    a.source === b.source &&
    a.influencerId === b.influencerId &&
    a.at === b.at &&
    a.campaign === b.campaign &&
    a.link === b.link
  );
}

/** Index of the winning candidate, or -1 when no counted candidate exists. */
function pickWinner(settings: AttributionSettings): number {
  const first = settings.touch === "first";
  for (const rule of settings.precedence) {
    let best = -1;
    for (let i = 0; i < count; i++) {
      if (!inside[i] || rules[i] !== rule) continue;
      // Codes: the first match in the order's own list (candidates were gathered in that order).
      if (rule === "code") return i;
      if (best < 0 || touchBeats(i, best, first)) best = i;
    }
    if (best >= 0) return best;
  }
  return -1;
}

/** Whether candidate i beats candidate j under the touch model; ties go to the smaller evidence. */
function touchBeats(i: number, j: number, first: boolean): boolean {
  const ti = touchedAt[i]!;
  const tj = touchedAt[j]!;
  if (ti !== tj) return first ? ti < tj : ti > tj;
  return compareEvidence(found[i]!, found[j]!) < 0;
}

/** The winner's own `utm_campaign`, from its counted UTM evidence picked by the touch model. */
function utmCampaignOf(owner: number, settings: AttributionSettings): string | null {
  const first = settings.touch === "first";
  let best = -1;
  for (let i = 0; i < count; i++) {
    if (!inside[i] || rules[i] !== "utm" || campaigns[i] === null || owners[i] !== owner) continue;
    if (best < 0 || touchBeats(i, best, first)) best = i;
  }
  return best < 0 ? null : campaigns[best]!;
}

/**
 * Whether the order's customer is the influencer. Lengths are compared first, from numbers the
 * influencer's record carries, so most orders never read the influencer's (cold) strings, nor
 * their own when the influencer has no email or customer id.
 */
function isSelfReferral(order: Order, owner: IndexedInfluencer, settings: AttributionSettings): boolean {
  const email = order.customerEmail;
  const customerId = order.customerId;
  return (
    (settings.selfReferral.byEmail && owner.emailLength >= 0 && email !== undefined && email.length === owner.emailLength && email === owner.email) ||
    (settings.selfReferral.byCustomerId &&
      owner.customerIdLength >= 0 &&
      customerId !== undefined &&
      customerId.length === owner.customerIdLength &&
      customerId === owner.customerId)
  );
}

function push(list: Evidence[], e: Evidence): Evidence[] {
  list.push(e);
  return list;
}

/** Insertion sort of list[from..]: lists hold a handful of items, and this allocates nothing. */
function sortFrom(list: Evidence[], from: number): void {
  for (let i = from + 1; i < list.length; i++) {
    const e = list[i]!;
    let j = i - 1;
    while (j >= from && compareEvidence(list[j]!, e) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = e;
  }
}

/** A total order on evidence: rule precedence, time (untimed first), then every text field. */
function compareEvidence(a: Evidence, b: Evidence): number {
  if (a.rule !== b.rule) return rank[a.rule] - rank[b.rule];
  if (a.at !== b.at) {
    if (a.at === undefined) return -1;
    if (b.at === undefined) return 1;
    return a.at - b.at;
  }
  return (
    compareText(a.source, b.source) ||
    compareText(a.value, b.value) ||
    compareText(a.influencerId, b.influencerId) ||
    compareText(a.campaign ?? "", b.campaign ?? "") ||
    compareText(a.link ?? "", b.link ?? "")
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
