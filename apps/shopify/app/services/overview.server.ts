/**
 * What the admin's first page shows: the history import's progress, data health, and the shop's
 * pooled rate over the last 30 days, computed by `@icr/metrics` from rollups only.
 */
import { dayOf, summarize, type Summary } from "@icr/metrics";
import type { Db } from "../db.server";
import { listCampaigns } from "../models/campaigns.server";
import { countDeadLetters } from "../models/dead-letters.server";
import { listInfluencers } from "../models/influencers.server";
import { listJobs, type Job } from "../models/jobs.server";
import { countOrders } from "../models/orders.server";
import { listRollups } from "../models/rollups.server";
import type { ShopContext } from "./shop-context.server";

export interface ShopOverview {
  backfill: Pick<Job, "id" | "status" | "progress" | "error" | "updatedAt"> | null;
  orders: number;
  deadLetters: number;
  influencers: number;
  /** Overall and per-influencer rates for the last 30 days (shop time zone). */
  last30Days: Summary;
}

/**
 * The overview of one shop.
 *
 * @example const overview = await shopOverview(db, shop, Date.now());
 * @returns counts and a summary; a new shop gets zeros and a summary whose rates are null.
 */
export async function shopOverview(db: Db, shop: ShopContext, now: number): Promise<ShopOverview> {
  const to = dayOf(now, shop.timezone);
  const from = dayOf(now - 29 * 86_400_000, shop.timezone);
  const [jobs, orders, deadLetters, influencers, campaigns, rows] = await Promise.all([
    listJobs(db, shop.id, { kind: "backfill", limit: 1 }),
    countOrders(db, shop.id),
    countDeadLetters(db, shop.id),
    listInfluencers(db, shop.id),
    listCampaigns(db, shop.id),
    listRollups(db, shop.id, { from, to }),
  ]);
  const job = jobs[0];
  return {
    backfill: job ? { id: job.id, status: job.status, progress: job.progress, error: job.error, updatedAt: job.updatedAt } : null,
    orders,
    deadLetters,
    influencers: influencers.length,
    last30Days: summarize(rows, { by: "influencer", from, to, influencers, campaigns, currency: shop.currency }),
  };
}
