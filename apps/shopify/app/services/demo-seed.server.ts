/**
 * Seeds the demo shop by playing `planDemo` through the real pipeline: the roster through the
 * roster service (codes created in, or adopted from, the demo's Admin API), clicks through the
 * click recorder's batch writer (bot and repeat classification, rollups), orders, refunds,
 * cancellations and sign-ups as webhook deliveries through the webhook processor (group commit,
 * attribution, rollup deltas), engagements through the import service. The demo numbers are
 * therefore what the real pipeline makes of realistic input.
 */
import type { Db } from "../db.server";
import { saveCampaign } from "../models/campaigns.server";
import { listInfluencers, setInfluencerCommission } from "../models/influencers.server";
import { saveRateDisplaySettings } from "../models/shop-settings.server";
import { ensureShop, getShop, updateShopLocale } from "../models/shops.server";
import { AdminGateway } from "./admin-gateway.server";
import { runBackfill } from "./backfill.server";
import { ClickBatchWriter } from "./click-batch-writer.server";
import { ClickRecorder } from "./click-recorder.server";
import { demoAdminTransport } from "./demo-admin-api.server";
import { DEMO_SHOP_DOMAIN } from "./demo-mode.server";
import { planDemo, type DemoPlan } from "./demo-plan.server";
import { importEngagements } from "./engagements.server";
import { hashVisitor } from "./identity-hash.server";
import { createDemoPortalInvite } from "./portal-invites.server";
import { seedDemoPublications } from "./public-publications.server";
import { addInfluencer, addShareLink, adoptInfluencerCode, createInfluencerCode } from "./roster.server";
import { loadShopContext } from "./shop-context.server";
import { processDelivery } from "./webhooks.server";

export interface DemoSeedResult {
  shopId: number;
  shopPublicKey: string;
  /** Path of the demo influencer's portal link (join to the server's origin). */
  portalPath: string;
  /** The demo influencer's id (the influencer page the demo opens first). */
  portalInfluencerId: string;
  counts: { influencers: number; campaigns: number; clicks: number; deliveries: number; engagements: number };
  /** Wall time of the seed, in milliseconds. */
  ms: number;
}

/** Deliveries processed at once: the webhook processor commits concurrent order deliveries together. */
const DELIVERY_CONCURRENCY = 100;

/**
 * Seeds the demo shop into an empty database.
 *
 * @example const result = await seedDemo(db, { now: Date.now() });
 * @returns ids and counts; throws when the demo shop already has influencers (seed a fresh data folder).
 */
export async function seedDemo(db: Db, options: { now?: number; plan?: DemoPlan; log?: (line: string) => void } = {}): Promise<DemoSeedResult> {
  const started = performance.now();
  let lap = started;
  const step = (what: string) => {
    const at = performance.now();
    options.log?.(`${what} in ${Math.round(at - lap)} ms`);
    lap = at;
  };
  const plan = options.plan ?? planDemo(options.now ?? Date.now());
  const row = await ensureShop(db, DEMO_SHOP_DOMAIN);
  if ((await listInfluencers(db, row.id)).length > 0) throw new Error("the demo shop is already seeded: start from an empty data folder");
  const gateway = new AdminGateway({ shop: DEMO_SHOP_DOMAIN, accessToken: "demo", transport: demoAdminTransport() });
  const locale = await gateway.shopLocale();
  await updateShopLocale(db, row.id, { timezone: locale.ianaTimezone, currency: locale.currencyCode });
  await saveRateDisplaySettings(db, row.id, { industry: "fashion" });
  const shop = await loadShopContext(db, { ...row, timezone: locale.ianaTimezone, currency: locale.currencyCode });

  for (const c of plan.campaigns) {
    await saveCampaign(db, shop.id, { key: c.key, name: c.name, goal: c.goal, type: c.type, startsAt: new Date(c.startsAt), endsAt: c.endsAt === null ? null : new Date(c.endsAt) });
  }

  const influencerIds = new Map<string, string>();
  const links = new Map<string, { id: string; slug: string; influencerId: string; campaign: string }>();
  for (const planned of plan.influencers) {
    const { influencer } = await addInfluencer(db, shop, {
      handle: planned.handle,
      name: planned.name,
      platform: planned.platform,
      tags: planned.tags,
      defaultCampaign: planned.defaultCampaign,
      ...(planned.email ? { email: planned.email } : {}),
    });
    influencerIds.set(planned.handle, influencer.id);
    if (planned.commissionBps !== undefined) await setInfluencerCommission(db, shop.id, influencer.id, { kind: "percent", value: planned.commissionBps });
    const code = { influencerId: influencer.id, code: planned.code.code, campaign: planned.code.campaign };
    if (planned.code.adopt) await adoptInfluencerCode(db, gateway, shop, code);
    else await createInfluencerCode(db, gateway, shop, { ...code, percentage: planned.code.percentage });
    for (const link of planned.links) {
      const stored = await addShareLink(db, shop, { influencerId: influencer.id, destination: link.destination, campaign: link.campaign, platform: link.platform });
      links.set(link.key, { id: stored.id, slug: stored.slug, influencerId: influencer.id, campaign: link.campaign });
    }
  }

  step(`roster: ${plan.influencers.length} influencers, their codes and links`);
  const recorder = new ClickRecorder(new ClickBatchWriter(db, { maxBatch: 1000 }), { flushIntervalMs: 60_000 });
  for (const click of plan.clicks) {
    const link = links.get(click.linkKey);
    if (!link) throw new Error(`demo plan: click ${click.id} names unknown link ${click.linkKey}`);
    recorder.record(shop, {
      id: click.id,
      at: click.at,
      link: link.slug,
      linkId: link.id,
      influencerId: link.influencerId,
      campaign: link.campaign,
      visitor: hashVisitor(shop.salt, click.ip, click.userAgent),
      userAgent: click.userAgent,
      method: click.method,
      country: click.country,
      ...(click.device ? { device: click.device } : {}),
    });
  }
  await recorder.close();
  step(`${plan.clicks.length} clicks`);

  for (let i = 0; i < plan.deliveries.length; i += DELIVERY_CONCURRENCY) {
    const chunk = plan.deliveries.slice(i, i + DELIVERY_CONCURRENCY);
    // Each order's later events (refund, cancellation) come in a later chunk, as they would arrive.
    await Promise.all(
      chunk.map((d) =>
        processDelivery(
          db,
          { topic: d.topic, shopDomain: DEMO_SHOP_DOMAIN, eventId: d.eventId, webhookId: null, triggeredAt: new Date(d.at), rawBody: JSON.stringify(d.payload) },
          d.topic,
        ),
      ),
    );
  }

  step(`${plan.deliveries.length} webhook deliveries`);
  await importEngagements(
    db,
    shop,
    plan.engagements.map((e) => ({ day: e.day, influencerId: influencerIds.get(e.influencer) ?? e.influencer, campaign: e.campaign, count: e.count })),
  );

  step(`${plan.engagements.length} engagement counts`);
  // The history import, run once through the demo's Admin API: it finds nothing the webhooks missed.
  await runBackfill({ db, gateway }, shop);
  await seedDemoPublications(db, shop.id);
  const portalInfluencerId = influencerIds.get(plan.portalInfluencer) ?? "";
  const { path: portalPath } = await createDemoPortalInvite(db, shop.id, portalInfluencerId);
  const stored = await getShop(db, shop.id);
  step("history import, publications and portal invite");

  return {
    shopId: shop.id,
    shopPublicKey: stored?.publicKey ?? "",
    portalPath,
    portalInfluencerId,
    counts: {
      influencers: plan.influencers.length,
      campaigns: plan.campaigns.length,
      clicks: plan.clicks.length,
      deliveries: plan.deliveries.length,
      engagements: plan.engagements.length,
    },
    ms: Math.round(performance.now() - started),
  };
}
