/** Benchmark data: one shop with a realistic roster, links and clicks, and order payloads to send. */
import type { Db } from "../app/db.server";
import { insertClicks } from "../app/models/clicks.server";
import { assignCode } from "../app/models/discount-codes.server";
import { createInfluencer } from "../app/models/influencers.server";
import { createLink } from "../app/models/share-links.server";
import { ensureShop } from "../app/models/shops.server";
import { mulberry32 } from "../app/services/demo-plan.server";
import { orderPayload } from "../app/test-support/shopify-payloads";

export interface Seeded {
  shopDomain: string;
  shopId: number;
  slugs: string[];
  clickIds: string[];
  codes: string[];
}

/** 200 influencers, a code and a link each, 2,000 clicks. */
export async function seedShop(db: Db, domain: string): Promise<Seeded> {
  const shop = await ensureShop(db, domain);
  const slugs: string[] = [];
  const codes: string[] = [];
  const clickIds: string[] = [];
  const base = Date.parse("2026-03-01T00:00:00Z");
  for (let i = 0; i < 200; i++) {
    const influencer = await createInfluencer(db, shop.id, { handle: `creator${i}`, platform: "instagram" });
    const code = `CREATOR${i}OFF`;
    await assignCode(db, shop.id, { code, influencerId: influencer.id, origin: "adopted" });
    const link = await createLink(db, shop.id, { slug: `creator${i}-${shop.id}`, influencerId: influencer.id, destination: "https://shop.example/products/tee?color=red", platform: "instagram", campaign: "spring" });
    const clicks = Array.from({ length: 10 }, (_, j) => ({
      id: `cb${shop.id}x${i}x${j}`,
      at: base + (i * 10 + j) * 60_000,
      link: link.slug,
      linkId: link.id,
      influencerId: influencer.id,
      visitor: `v${j}`,
      method: "GET",
      bot: false,
      counted: true,
    }));
    await insertClicks(db, shop.id, clicks);
    slugs.push(link.slug);
    codes.push(code);
    clickIds.push(...clicks.map((c) => c.id));
  }
  return { shopDomain: domain, shopId: shop.id, slugs, clickIds, codes };
}

/** `count` distinct order payloads: 40% code, 25% click id, 15% landing UTM, 20% nothing; some updates. */
export function orderPayloads(seeded: Seeded, count: number, seed = 7): Record<string, unknown>[] {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const r = random();
    const id = 6_000_000_000_000 + i;
    const createdAt = new Date(Date.parse("2026-03-05T00:00:00Z") + i * 1000).toISOString();
    return orderPayload({
      id,
      createdAt,
      subtotal: (10 + Math.floor(random() * 20000) / 100).toFixed(2),
      customer: { id: 8_000_000_000 + i, email: `buyer${i}@example.com`, ordersCount: 1 + Math.floor(random() * 3) },
      ...(r < 0.4 ? { codes: [pick(seeded.codes)] } : {}),
      ...(r >= 0.4 && r < 0.65 ? { clickId: pick(seeded.clickIds) } : {}),
      ...(r >= 0.65 && r < 0.8 ? { landingSite: `/products/tee?utm_source=instagram&utm_medium=influencer&utm_content=creator${Math.floor(random() * 200)}` } : {}),
    });
  });
}
