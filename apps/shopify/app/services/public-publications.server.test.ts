import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db.server";
import { createInfluencer } from "../models/influencers.server";
import { listPublications, setPublication, type Publication } from "../models/publications.server";
import { ensureShop } from "../models/shops.server";
import { testBackends } from "../test-support/databases";
import { loadPublishedScopes, onPublicationsChanged, PublishedScopes, seedDemoPublications, setPublished } from "./public-publications.server";

const on = (widget: Publication["widget"], scope: Publication["scope"], target = ""): Publication => ({ widget, scope, target, enabled: true });

describe("PublishedScopes", () => {
  it("publishes nothing without switches", () => {
    const none = new PublishedScopes([]);
    expect([none.rate("overall", ""), none.leaderboard(null), none.influencerIds.size]).toEqual([false, false, 0]);
  });

  it("opens /rate for a scope when rate, trend or (for an influencer) the card is on", () => {
    const scopes = new PublishedScopes([on("trend", "overall"), on("influencer-card", "influencer", "i1"), on("influencer-card", "campaign", "spring"), on("rate", "campaign", "summer")]);
    expect(scopes.rate("overall", "")).toBe(true);
    expect(scopes.rate("influencer", "i1")).toBe(true);
    expect(scopes.rate("influencer", "i2")).toBe(false);
    expect(scopes.rate("campaign", "spring")).toBe(false); // a card shows influencers only
    expect(scopes.rate("campaign", "summer")).toBe(true);
    expect(scopes.leaderboard(null)).toBe(false);
  });

  it("opens a leaderboard per campaign, and lists influencers with any switch on", () => {
    const scopes = new PublishedScopes([on("leaderboard", "campaign", "spring"), on("rate", "influencer", "i1"), { ...on("rate", "influencer", "i2"), enabled: false }]);
    expect([scopes.leaderboard("spring"), scopes.leaderboard(null), scopes.leaderboard("summer")]).toEqual([true, false, false]);
    expect([...scopes.influencerIds]).toEqual(["i1"]);
  });
});

describe.each(await testBackends())("publications on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it("stores switches per shop, turns them off, and tells listeners once per change", async () => {
    const a = await ensureShop(database.db, "pub-a.myshopify.com");
    const b = await ensureShop(database.db, "pub-b.myshopify.com");
    const changed: number[] = [];
    const stop = onPublicationsChanged((shopId) => changed.push(shopId));
    await setPublished(database.db, a.id, [on("rate", "overall"), on("leaderboard", "overall")]);
    await setPublished(database.db, a.id, [{ ...on("rate", "overall"), enabled: false }]);
    stop();
    await setPublished(database.db, a.id, [on("rate", "overall")]);
    expect(changed).toEqual([a.id, a.id]);
    expect(await listPublications(database.db, a.id)).toEqual([on("leaderboard", "overall"), on("rate", "overall")]);
    expect(await listPublications(database.db, b.id)).toEqual([]);
    expect((await loadPublishedScopes(database.db, b.id)).rate("overall", "")).toBe(false);
  });

  it("refuses a target that does not fit its scope, and writes nothing of the batch", async () => {
    const shop = await ensureShop(database.db, "pub-bad.myshopify.com");
    await expect(setPublication(database.db, shop.id, on("rate", "overall", "x"))).rejects.toThrow(/overall scope takes no target/);
    await expect(setPublished(database.db, shop.id, [on("rate", "overall"), on("rate", "influencer", "")])).rejects.toThrow(/needs a target/);
    expect(await listPublications(database.db, shop.id)).toEqual([]);
  });

  it("seeds the demo's switches: overall rate, trend, leaderboard, and each influencer's rate and card", async () => {
    const shop = await ensureShop(database.db, "pub-demo.myshopify.com");
    const alice = await createInfluencer(database.db, shop.id, { handle: "alice" });
    await seedDemoPublications(database.db, shop.id);
    const scopes = await loadPublishedScopes(database.db, shop.id);
    expect([scopes.rate("overall", ""), scopes.leaderboard(null), scopes.rate("influencer", alice.id)]).toEqual([true, true, true]);
    expect(await listPublications(database.db, shop.id)).toHaveLength(5);
  });
});
