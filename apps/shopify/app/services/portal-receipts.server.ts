/**
 * An influencer's credited orders as receipts: order name, day, amount, the rule that credited
 * it and its evidence in words, and what the credit beat. Built field by field from the
 * attribution, so no customer data (nor the order's segments: country, device, products) can ride
 * along, and evidence that belonged to another influencer is named only as "another influencer's …".
 */
import { dayOf, describeEvidence, formatMoney, type Attribution, type Evidence, type Goal, type Rule } from "@icr/metrics";
import type { CommissionRate } from "../models/influencers.server";
import { orderCommission } from "./portal-commission.server";

export interface Receipt {
  /** The order's name as the shop shows it ("#1001"). */
  order: string;
  /** Calendar day in the shop's time zone. */
  day: string;
  goal: Goal;
  /** Net revenue as a decimal string in the shop currency; null for sign-ups. */
  amount: string | null;
  campaign: string | null;
  rule: Rule;
  /** The winning evidence, e.g. "code ALICE10" or "click c_9f on link alice-ig, 2 days before the order". */
  evidence: string;
  /** What this credit overruled or what fell outside the window, with other influencers left unnamed. */
  notes: string[];
  /** Commission this order earned (decimal string), when the merchant set a rate; null otherwise. */
  commission: string | null;
}

const OTHERS: Readonly<Record<Rule, string>> = {
  code: "another influencer's discount code",
  link: "a click on another influencer's link",
  utm: "another influencer's UTM link",
};

function note(e: Evidence, influencerId: string, orderAt: number, prefix: string): string {
  return e.influencerId === influencerId ? `${prefix}your ${describeEvidence(e, orderAt)}` : `${prefix}${OTHERS[e.rule]}`;
}

/**
 * The influencer's receipts from their attributions (others, and anything not attributed to them, are skipped).
 *
 * @example toReceipts(attributions, { influencerId, timeZone: "UTC", currency: "USD", commission: null })[0];
 * // { order: "#1001", day: "2026-03-01", goal: "purchase", amount: "42.00", rule: "code", evidence: "code ALICE10", … }
 * @returns newest first; [] for no attributions.
 */
export function toReceipts(
  attributions: readonly Attribution[],
  options: { influencerId: string; timeZone: string; currency: string; commission: CommissionRate | null },
): Receipt[] {
  const receipts: (Receipt & { at: number })[] = [];
  for (const a of attributions) {
    const winner = a.evidence[0];
    if (a.status !== "attributed" || a.influencerId !== options.influencerId || a.rule === null || winner === undefined) continue;
    const purchase = a.goal === "purchase";
    receipts.push({
      at: a.createdAt,
      order: a.orderName,
      day: dayOf(a.createdAt, options.timeZone),
      goal: a.goal,
      amount: purchase ? formatMoney(a.revenue, options.currency) : null,
      campaign: a.campaign,
      rule: a.rule,
      // The winner is by definition this influencer's evidence; the guard keeps that true for any stored row.
      evidence: winner.influencerId === options.influencerId ? describeEvidence(winner, a.createdAt) : OTHERS[winner.rule],
      notes: [
        ...a.overruled.map((e) => note(e, options.influencerId, a.createdAt, "beat ")),
        ...a.expired.map((e) => note(e, options.influencerId, a.createdAt, "outside the window: ")),
      ],
      commission: options.commission && purchase ? formatMoney(orderCommission(a.revenue, options.commission), options.currency) : null,
    });
  }
  return receipts.sort((x, y) => y.at - x.at || (x.order < y.order ? -1 : 1)).map(({ at: _at, ...receipt }) => receipt);
}
