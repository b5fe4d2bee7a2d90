/**
 * What the Embed admin page reads and changes: the shop's public key, its roster and campaigns,
 * and its publish switches; a switch change is checked (the target must be this shop's) before
 * `setPublished` stores it and the public API's cache forgets the shop.
 */
import { z } from "zod";
import type { Db } from "../db.server";
import { listCampaigns } from "../models/campaigns.server";
import { listInfluencers } from "../models/influencers.server";
import { listPublications, PUBLICATION_SCOPES, PUBLICATION_WIDGETS, type Publication } from "../models/publications.server";
import { getShop } from "../models/shops.server";
import { publicationKey } from "./public-embed-snippet";
import { setPublished } from "./public-publications.server";

export interface EmbedPageData {
  publicKey: string;
  influencers: { id: string; handle: string; name: string }[];
  campaigns: { key: string; name: string }[];
  /** Only the switches that are on, as "widget|scope|target". */
  published: string[];
}

/**
 * The page's data for one shop.
 *
 * @example const data = await loadEmbedPage(db, shop.id);
 * @returns the key, roster, campaigns and switches on; throws when the shop does not exist.
 */
export async function loadEmbedPage(db: Db, shopId: number): Promise<EmbedPageData> {
  const [shop, influencers, campaigns, publications] = await Promise.all([
    getShop(db, shopId),
    listInfluencers(db, shopId),
    listCampaigns(db, shopId),
    listPublications(db, shopId),
  ]);
  if (!shop) throw new Error(`shop ${shopId} not found`);
  return {
    publicKey: shop.publicKey,
    influencers: influencers.map((i) => ({ id: i.id, handle: i.handle, name: i.name?.trim() || i.handle })),
    campaigns: campaigns.map((c) => ({ key: c.id, name: c.name?.trim() || c.id })),
    published: publications.filter((p) => p.enabled).map(publicationKey),
  };
}

const switchForm = z.object({
  widget: z.enum(PUBLICATION_WIDGETS as [Publication["widget"], ...Publication["widget"][]]),
  scope: z.enum(PUBLICATION_SCOPES as [Publication["scope"], ...Publication["scope"][]]),
  target: z.string().max(200).default(""),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/**
 * Applies one switch from the page's form.
 *
 * @example await applyPublishSwitch(db, shop.id, await request.formData());
 * @returns `{ ok: true }`, or `{ ok: false, error }` (nothing changed) for a bad form or a target
 *   that is not this shop's influencer or campaign.
 */
export async function applyPublishSwitch(db: Db, shopId: number, form: FormData): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = switchForm.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const change = parsed.data;
  if (change.scope === "influencer" && !(await listInfluencers(db, shopId)).some((i) => i.id === change.target)) {
    return { ok: false, error: "Unknown influencer." };
  }
  if (change.scope === "campaign" && !(await listCampaigns(db, shopId)).some((c) => c.id === change.target)) {
    return { ok: false, error: "Unknown campaign." };
  }
  if (change.widget === "influencer-card" && change.scope !== "influencer") return { ok: false, error: "An influencer card shows one influencer." };
  if (change.widget === "leaderboard" && change.scope === "influencer") return { ok: false, error: "A leaderboard ranks several influencers." };
  try {
    await setPublished(db, shopId, [change]);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true };
}
