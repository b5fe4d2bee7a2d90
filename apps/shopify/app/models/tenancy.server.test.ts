/**
 * Multi-tenancy, as a property: two shops hold the same logical data (same order ids, codes,
 * handles, campaign keys, slugs differing only by prefix). Whatever the generated data, every
 * model function called for shop A returns only A's rows, and every write for A leaves B's rows
 * exactly as they were.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attribution, RollupRow } from "@icr/metrics";
import type { Database, Db } from "../db.server";
import { shopSnapshot } from "../test-support/snapshot";
import { testBackends } from "../test-support/databases";
import { getAttribution, getAttributions, listAttributions, redactAttributionEvidence, saveAttribution } from "./attributions.server";
import { findCampaigns, listCampaigns, saveCampaign } from "./campaigns.server";
import { clickIdsOfLink, deleteClicksOfShop, findClicks, insertClicks, lastCountedAt } from "./clicks.server";
import { addDeadLetter, listDeadLetters } from "./dead-letters.server";
import { assignCode, findCode, findCodes, listCodes, removeCode } from "./discount-codes.server";
import { listEngagements, setEngagement } from "./engagements.server";
import { createInfluencer, deleteInfluencer, findInfluencers, getInfluencer, listInfluencers, updateInfluencer } from "./influencers.server";
import { createJob, findUnfinishedJob, finishJob, getJob, listJobs, recordProgress } from "./jobs.server";
import { countOrders, deleteOrdersOfCustomer, getOrder, pageOrders, upsertOrder, type StoredOrder } from "./orders.server";
import { deleteRefundsOfOrders, insertRefund, refundsOfOrder } from "./refunds.server";
import { addRollups, listRollups } from "./rollups.server";
import { createLink, findLinkBySlug, getLink, listLinks, updateLink } from "./share-links.server";
import { getShopSettings, saveShopSettings } from "./shop-settings.server";
import { ensureShop, getShop, markUninstalled, updateShopLocale } from "./shops.server";
import { claimEvent } from "./webhook-events.server";

const world = fc.record({
  orderIds: fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }).map(String), { minLength: 1, maxLength: 4 }),
  codes: fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9]{2,7}$/), { minLength: 1, maxLength: 3, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  handle: fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/),
  campaign: fc.stringMatching(/^[a-z][a-z0-9-]{1,10}$/),
  subtotal: fc.integer({ min: 0, max: 10_000_000 }),
  day: fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function order(id: string, w: World): StoredOrder {
  return {
    id,
    name: `#${id}`,
    createdAt: Date.parse(`${w.day}T12:00:00Z`),
    updatedAt: Date.parse(`${w.day}T12:00:00Z`),
    currency: "USD",
    subtotal: w.subtotal,
    test: false,
    cancelled: false,
    refunded: false,
    customerId: "hash-" + id,
    products: ["1"],
    discountCodes: w.codes,
    clickIds: [],
    visits: [],
    snapshotRefundIds: [],
  };
}

function attribution(orderId: string, influencerId: string, w: World): Attribution {
  return {
    orderId,
    orderName: `#${orderId}`,
    goal: "purchase",
    createdAt: Date.parse(`${w.day}T12:00:00Z`),
    status: "attributed",
    excludedReason: null,
    influencerId,
    campaign: w.campaign,
    rule: "code",
    evidence: [{ rule: "code", influencerId, campaign: w.campaign, value: w.codes[0] ?? "X", source: "discount_codes" }],
    overruled: [],
    expired: [],
    revenue: w.subtotal,
    currency: "USD",
    segments: { products: ["1"] },
  };
}

function rollup(influencerId: string, w: World): RollupRow {
  return {
    day: w.day,
    influencerId,
    campaign: w.campaign,
    dimension: "",
    value: "",
    clicks: 1,
    botClicks: 0,
    engagements: 0,
    purchase: { code: 1, link: 0, utm: 0 },
    signup: { code: 0, link: 0, utm: 0 },
    revenue: w.subtotal,
  };
}

/** Fills one shop with the world's data; returns the ids the shop got. */
async function populate(db: Db, shopId: number, w: World, slugPrefix: string) {
  const influencer = await createInfluencer(db, shopId, { handle: w.handle, tags: ["t"] });
  await saveCampaign(db, shopId, { key: w.campaign, name: w.campaign, goal: "purchase" });
  for (const code of w.codes) await assignCode(db, shopId, { code, influencerId: influencer.id, campaign: w.campaign, origin: "adopted" });
  const link = await createLink(db, shopId, { slug: `${slugPrefix}-${w.handle}`, influencerId: influencer.id, destination: "https://shop.example/" });
  await insertClicks(db, shopId, [
    { id: `${slugPrefix}-click`, at: Date.parse(`${w.day}T10:00:00Z`), link: link.slug, linkId: link.id, influencerId: influencer.id, visitor: "v", bot: false, counted: true, method: "GET" },
  ]);
  await setEngagement(db, shopId, { day: w.day, influencerId: influencer.id, campaign: w.campaign, count: 5 });
  for (const id of w.orderIds) {
    await upsertOrder(db, shopId, order(id, w));
    await insertRefund(db, shopId, { id: `r${id}`, orderId: id, subtotal: 1, createdAt: 0 });
    await saveAttribution(db, shopId, attribution(id, influencer.id, w));
  }
  await addRollups(db, shopId, [rollup(influencer.id, w)]);
  await claimEvent(db, shopId, { eventId: "evt-1", topic: "orders/create", webhookId: null, triggeredAt: null, outcome: "processed" });
  await addDeadLetter(db, shopId, { topic: "orders/create", eventId: "evt-x", webhookId: null, rawBody: "{}", error: "bad" });
  const job = await createJob(db, shopId, "backfill", { linesDone: 0 });
  await saveShopSettings(db, shopId, { attribution: { windowDays: 14 } });
  return { influencer, link, job };
}

describe.each(await testBackends())("tenancy on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it("no model function returns or changes another shop's rows", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        run++;
        const db = database.db;
        const a = await ensureShop(db, `a${run}-${backend.name}.myshopify.com`);
        const b = await ensureShop(db, `b${run}-${backend.name}.myshopify.com`);
        const mineA = await populate(db, a.id, w, `zza${run}`);
        const mineB = await populate(db, b.id, w, `zzb${run}`);
        const bBefore = await shopSnapshot(db, b.id);
        const bSettings = await getShopSettings(db, b.id);
        const bShop = await getShop(db, b.id);

        // Reads for A return A's rows only (B's ids never appear; lookups by B's ids find nothing).
        const reads: unknown[] = [
          await listInfluencers(db, a.id),
          await findInfluencers(db, a.id, { ids: [mineB.influencer.id], handles: [w.handle] }),
          await listCampaigns(db, a.id),
          await findCampaigns(db, a.id, [w.campaign]),
          await findCodes(db, a.id, w.codes),
          await listCodes(db, a.id),
          await findCode(db, a.id, w.codes[0] ?? ""),
          await listLinks(db, a.id),
          await findLinkBySlug(db, a.id, mineB.link.slug),
          await findClicks(db, a.id, [`zzb${run}-click`, `zza${run}-click`]),
          await clickIdsOfLink(db, a.id, mineB.link.id),
          await lastCountedAt(db, a.id, mineB.link.id, "v", Date.now()),
          await listEngagements(db, a.id),
          await pageOrders(db, a.id, { limit: 100, filter: { codes: w.codes } }),
          await getAttributions(db, a.id, w.orderIds),
          await listAttributions(db, a.id),
          await listRollups(db, a.id),
          await listDeadLetters(db, a.id),
          await listJobs(db, a.id),
          await findUnfinishedJob(db, a.id, "backfill"),
          await refundsOfOrder(db, a.id, w.orderIds[0] ?? ""),
        ];
        const text = JSON.stringify(reads);
        expect(text).not.toContain(mineB.influencer.id);
        expect(text).not.toContain(mineB.link.id);
        // "zz" cannot occur in the UUIDs and hex hashes around it, so this marker only matches B's slugs and click ids.
        expect(text).not.toContain(`zzb${run}-`);
        expect(text).not.toContain(mineB.job.id);
        expect(await getInfluencer(db, a.id, mineB.influencer.id)).toBeNull();
        expect(await getLink(db, a.id, mineB.link.id)).toBeNull();
        expect(await getJob(db, a.id, mineB.job.id)).toBeNull();
        expect(await findClicks(db, a.id, [`zzb${run}-click`])).toEqual([]);
        expect(await countOrders(db, a.id)).toBe(w.orderIds.length);
        expect((await getOrder(db, a.id, w.orderIds[0] ?? ""))?.id).toBe(w.orderIds[0]);
        expect((await getAttribution(db, a.id, w.orderIds[0] ?? ""))?.influencerId).toBe(mineA.influencer.id);

        // Writes for A (including with B's ids) leave B untouched.
        await updateInfluencer(db, a.id, mineB.influencer.id, { name: "hijack" });
        await updateInfluencer(db, a.id, mineA.influencer.id, { name: "renamed" });
        await deleteInfluencer(db, a.id, mineB.influencer.id);
        await updateLink(db, a.id, mineB.link.id, { destination: "https://evil.example/" });
        await recordProgress(db, a.id, mineB.job.id, { linesDone: 99 });
        await finishJob(db, a.id, mineB.job.id, { error: "no" });
        await recordProgress(db, a.id, mineA.job.id, { linesDone: 1 });
        await saveCampaign(db, a.id, { key: w.campaign, name: "changed", goal: "signup" });
        await assignCode(db, a.id, { code: w.codes[0] ?? "X", influencerId: mineA.influencer.id, origin: "created" });
        await setEngagement(db, a.id, { day: w.day, influencerId: mineA.influencer.id, campaign: w.campaign, count: 9 });
        await upsertOrder(db, a.id, { ...order(w.orderIds[0] ?? "1", w), updatedAt: Date.now(), subtotal: 1 });
        await saveAttribution(db, a.id, { ...attribution(w.orderIds[0] ?? "1", mineA.influencer.id, w), revenue: 1 });
        await addRollups(db, a.id, [rollup(mineA.influencer.id, w)]);
        await redactAttributionEvidence(db, a.id, w.orderIds);
        await deleteRefundsOfOrders(db, a.id, w.orderIds);
        await deleteOrdersOfCustomer(db, a.id, { orderIds: w.orderIds, customerIdHash: "hash-" + w.orderIds[0] });
        await removeCode(db, a.id, w.codes[0] ?? "X");
        await deleteClicksOfShop(db, a.id);
        await claimEvent(db, a.id, { eventId: "evt-2", topic: "orders/create", webhookId: null, triggeredAt: null, outcome: "processed" });
        await saveShopSettings(db, a.id, { trustProxy: true });
        await updateShopLocale(db, a.id, { timezone: "Asia/Tokyo", currency: "JPY" });
        await markUninstalled(db, a.id, new Date());

        expect(await shopSnapshot(db, b.id)).toEqual(bBefore);
        expect(await getShopSettings(db, b.id)).toEqual(bSettings);
        expect(await getShop(db, b.id)).toEqual(bShop);
        expect(await getInfluencer(db, b.id, mineB.influencer.id)).toMatchObject({ handle: w.handle });
        expect(await getLink(db, b.id, mineB.link.id)).toMatchObject({ destination: "https://shop.example/" });
        expect(await getJob(db, b.id, mineB.job.id)).toMatchObject({ status: "queued", progress: { linesDone: 0 } });
      }),
      { numRuns: 8 },
    );
  });
});
