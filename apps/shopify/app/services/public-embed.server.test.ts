import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db.server";
import { saveCampaign } from "../models/campaigns.server";
import { createInfluencer } from "../models/influencers.server";
import { ensureShop } from "../models/shops.server";
import { testBackends } from "../test-support/databases";
import { applyPublishSwitch, loadEmbedPage } from "./public-embed.server";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe.each(await testBackends())("Embed page service on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it("starts with nothing published, then shows each switch turned on or off", async () => {
    const shop = await ensureShop(database.db, "embed-a.myshopify.com");
    const alice = await createInfluencer(database.db, shop.id, { handle: "alice", name: "Alice Rivera" });
    await saveCampaign(database.db, shop.id, { key: "spring", name: "Spring drop", goal: "purchase" });
    const before = await loadEmbedPage(database.db, shop.id);
    expect(before).toEqual({
      publicKey: shop.publicKey,
      influencers: [{ id: alice.id, handle: "alice", name: "Alice Rivera" }],
      campaigns: [{ key: "spring", name: "Spring drop" }],
      published: [],
    });
    expect(await applyPublishSwitch(database.db, shop.id, form({ widget: "influencer-card", scope: "influencer", target: alice.id, enabled: "true" }))).toEqual({ ok: true });
    expect(await applyPublishSwitch(database.db, shop.id, form({ widget: "leaderboard", scope: "campaign", target: "spring", enabled: "true" }))).toEqual({ ok: true });
    expect((await loadEmbedPage(database.db, shop.id)).published).toEqual([`influencer-card|influencer|${alice.id}`, "leaderboard|campaign|spring"]);
    await applyPublishSwitch(database.db, shop.id, form({ widget: "leaderboard", scope: "campaign", target: "spring", enabled: "false" }));
    expect((await loadEmbedPage(database.db, shop.id)).published).toEqual([`influencer-card|influencer|${alice.id}`]);
  });

  it("refuses another shop's influencer, unknown campaigns, impossible pairs and bad forms, changing nothing", async () => {
    const shop = await ensureShop(database.db, "embed-b.myshopify.com");
    const other = await ensureShop(database.db, "embed-c.myshopify.com");
    const theirs = await createInfluencer(database.db, other.id, { handle: "bob" });
    const cases: [Record<string, string>, RegExp][] = [
      [{ widget: "rate", scope: "influencer", target: theirs.id, enabled: "true" }, /Unknown influencer/],
      [{ widget: "rate", scope: "campaign", target: "nope", enabled: "true" }, /Unknown campaign/],
      [{ widget: "influencer-card", scope: "overall", target: "", enabled: "true" }, /one influencer/],
      [{ widget: "rate", scope: "overall", target: "x", enabled: "true" }, /no target/],
      [{ widget: "pie", scope: "overall", enabled: "true" }, /widget/],
      [{ widget: "rate", scope: "overall", enabled: "yes" }, /enabled/],
    ];
    for (const [fields, message] of cases) {
      const result = await applyPublishSwitch(database.db, shop.id, form(fields));
      expect(result.ok, JSON.stringify(fields)).toBe(false);
      expect(result.ok ? "" : result.error).toMatch(message);
    }
    expect((await loadEmbedPage(database.db, shop.id)).published).toEqual([]);
  });
});
