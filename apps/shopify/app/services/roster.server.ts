/**
 * Influencers, their discount codes and share links, and the shop's attribution settings. Every
 * change that can alter an order's credit re-attributes exactly the orders it can affect (a code:
 * the orders that used it; a link: the orders naming its clicks; an influencer or a setting: all).
 */
import { randomBytes } from "node:crypto";
import { resolveSettings, type AttributionSettings, type Influencer, type PartialAttributionSettings } from "@icr/metrics";
import type { Db } from "../db.server";
import { clickIdsOfLink } from "../models/clicks.server";
import { assignCode, removeCode, type StoredCode } from "../models/discount-codes.server";
import { createInfluencer, getInfluencer, updateInfluencer, type InfluencerInput } from "../models/influencers.server";
import { createLink, updateLink, type StoredLink } from "../models/share-links.server";
import { saveShopSettings } from "../models/shop-settings.server";
import type { AdminGateway } from "./admin-gateway.server";
import { hashCustomerId, hashEmail } from "./identity-hash.server";
import { reattributeOrders, type ReattributionResult } from "./reattribution.server";
import type { ShopContext } from "./shop-context.server";

/** What a merchant types about an influencer (email and customer id are hashed before storage). */
export interface InfluencerForm {
  handle: string;
  name?: string | null;
  email?: string | null;
  customerId?: string | null;
  utm?: string | null;
  defaultCampaign?: string | null;
  platform?: string | null;
  tags?: string[];
}

const HANDLE = /^[a-z0-9][a-z0-9._-]{0,62}$/;

function toInput(shop: ShopContext, form: Partial<InfluencerForm>): Partial<InfluencerInput> {
  const input: Partial<InfluencerInput> = {};
  if (form.handle !== undefined) {
    const handle = form.handle.trim().toLowerCase();
    if (!HANDLE.test(handle)) throw new RangeError(`handle must be 1–63 letters, digits, ".", "_" or "-", got ${JSON.stringify(form.handle)}`);
    input.handle = handle;
  }
  if (form.name !== undefined) input.name = form.name;
  if (form.email !== undefined) input.emailHash = hashEmail(shop.salt, form.email) ?? null;
  if (form.customerId !== undefined) input.customerIdHash = hashCustomerId(shop.salt, form.customerId) ?? null;
  if (form.utm !== undefined) input.utm = form.utm;
  if (form.defaultCampaign !== undefined) input.defaultCampaign = form.defaultCampaign?.trim().toLowerCase() || null;
  if (form.platform !== undefined) input.platform = form.platform;
  if (form.tags !== undefined) input.tags = form.tags.map((t) => t.trim()).filter(Boolean);
  return input;
}

/**
 * Adds an influencer, then re-attributes the shop's orders (their handle may match UTM evidence already stored).
 *
 * @example await addInfluencer(db, shop, { handle: "alice", email: "alice@example.com" });
 * @returns the influencer and the re-attribution's counts; throws RangeError on a bad handle.
 */
export async function addInfluencer(db: Db, shop: ShopContext, form: InfluencerForm): Promise<{ influencer: Influencer; reattribution: ReattributionResult }> {
  const input = toInput(shop, form);
  const influencer = await createInfluencer(db, shop.id, { ...input, handle: input.handle ?? "" });
  return { influencer, reattribution: await reattributeOrders(db, shop, null, `influencer ${influencer.handle} added`) };
}

/**
 * Changes an influencer, then re-attributes the shop's orders.
 *
 * @example await editInfluencer(db, shop, id, { utm: "alice_ig" });
 * @returns the updated influencer and counts, or null when the id is not in this shop.
 */
export async function editInfluencer(
  db: Db,
  shop: ShopContext,
  id: string,
  form: Partial<InfluencerForm>,
): Promise<{ influencer: Influencer; reattribution: ReattributionResult } | null> {
  const influencer = await updateInfluencer(db, shop.id, id, toInput(shop, form));
  if (!influencer) return null;
  return { influencer, reattribution: await reattributeOrders(db, shop, null, `influencer ${influencer.handle} changed`) };
}

/**
 * Creates a percentage discount code in Shopify (`discountCodeBasicCreate`) and assigns it.
 *
 * @example await createInfluencerCode(db, gateway, shop, { influencerId, code: "ALICE10", percentage: 0.1 });
 * @returns the stored code and the re-attribution of orders that already used it; throws when Shopify refuses the code.
 */
export async function createInfluencerCode(
  db: Db,
  gateway: Pick<AdminGateway, "createDiscountCode">,
  shop: ShopContext,
  input: { influencerId: string; code: string; percentage: number; campaign?: string | null; endsAt?: Date | null },
): Promise<{ code: StoredCode; reattribution: ReattributionResult }> {
  const influencer = await requireInfluencer(db, shop, input.influencerId);
  const created = await gateway.createDiscountCode({
    code: input.code.trim(),
    title: `${influencer.handle}: ${Math.round(input.percentage * 100)}% off`,
    percentage: input.percentage,
    startsAt: new Date(),
    endsAt: input.endsAt ?? null,
  });
  return assignAndReattribute(db, shop, { code: created.code, influencerId: influencer.id, campaign: input.campaign ?? null, shopifyId: created.id, origin: "created" });
}

/**
 * Assigns a code that already exists in Shopify (looked up by code) to an influencer.
 *
 * @example await adoptInfluencerCode(db, gateway, shop, { influencerId, code: "SUMMER15" });
 * @returns the stored code and counts; throws RangeError when Shopify has no discount with that code.
 */
export async function adoptInfluencerCode(
  db: Db,
  gateway: Pick<AdminGateway, "findDiscountCode">,
  shop: ShopContext,
  input: { influencerId: string; code: string; campaign?: string | null },
): Promise<{ code: StoredCode; reattribution: ReattributionResult }> {
  await requireInfluencer(db, shop, input.influencerId);
  const found = await gateway.findDiscountCode(input.code.trim());
  if (!found) throw new RangeError(`no discount in Shopify has the code ${JSON.stringify(input.code)}`);
  return assignAndReattribute(db, shop, { code: found.code, influencerId: input.influencerId, campaign: input.campaign ?? null, shopifyId: found.id, origin: "adopted" });
}

/**
 * Unassigns a code and re-attributes the orders that used it.
 *
 * @example await unassignCode(db, shop, "ALICE10");
 * @returns the removed code and counts, or null when the code was not assigned.
 */
export async function unassignCode(db: Db, shop: ShopContext, code: string): Promise<{ code: StoredCode; reattribution: ReattributionResult } | null> {
  const removed = await removeCode(db, shop.id, code);
  if (!removed) return null;
  return { code: removed, reattribution: await reattributeOrders(db, shop, { codes: [removed.code] }, `code ${removed.code} unassigned`) };
}

async function assignAndReattribute(
  db: Db,
  shop: ShopContext,
  input: { code: string; influencerId: string; campaign: string | null; shopifyId: string | null; origin: "created" | "adopted" },
): Promise<{ code: StoredCode; reattribution: ReattributionResult }> {
  const { current } = await assignCode(db, shop.id, input);
  return { code: current, reattribution: await reattributeOrders(db, shop, { codes: [current.code] }, `code ${current.code} assigned`) };
}

/**
 * Creates a share link for an influencer; the slug is the handle (and platform) plus random characters.
 *
 * @example await addShareLink(db, shop, { influencerId, destination: "https://shop.example/products/tee", platform: "instagram" });
 * @returns the link; throws RangeError for a destination that is not an absolute http(s) URL.
 */
export async function addShareLink(
  db: Db,
  shop: ShopContext,
  input: { influencerId: string; destination: string; campaign?: string | null; platform?: string | null },
): Promise<StoredLink> {
  const influencer = await requireInfluencer(db, shop, input.influencerId);
  const destination = requireDestination(input.destination);
  const platform = input.platform?.trim().toLowerCase() || null;
  const base = [influencer.handle, platform].filter(Boolean).join("-").replace(/[^a-z0-9_-]/g, "").slice(0, 40) || "link";
  for (let attempt = 0; ; attempt++) {
    const slug = `${base}-${randomBytes(4).toString("base64url").replace(/[^A-Za-z0-9]/g, "").slice(0, 5).toLowerCase()}`;
    try {
      return await createLink(db, shop.id, { slug, influencerId: influencer.id, destination, campaign: input.campaign?.trim().toLowerCase() || null, platform });
    } catch (error) {
      // A slug collision (unique violation) is retried with new random characters.
      if (attempt >= 4 || !String((error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code).startsWith("23505")) throw error;
    }
  }
}

/**
 * Changes a link (future clicks follow it; past clicks keep who they were for) and re-attributes the orders naming its clicks.
 *
 * @example await editShareLink(db, shop, linkId, { destination: "https://shop.example/sale" });
 * @returns the link and counts, or null when the id is not in this shop.
 */
export async function editShareLink(
  db: Db,
  shop: ShopContext,
  id: string,
  patch: { influencerId?: string; destination?: string; campaign?: string | null; platform?: string | null },
): Promise<{ link: StoredLink; reattribution: ReattributionResult } | null> {
  if (patch.influencerId) await requireInfluencer(db, shop, patch.influencerId);
  const clean = { ...patch, ...(patch.destination !== undefined ? { destination: requireDestination(patch.destination) } : {}) };
  const updated = await updateLink(db, shop.id, id, clean);
  if (!updated) return null;
  const clickIds = await clickIdsOfLink(db, shop.id, id);
  return { link: updated.current, reattribution: await reattributeOrders(db, shop, { clickIds }, `link ${updated.current.slug} changed`) };
}

/**
 * Validates and stores the shop's attribution settings, then re-attributes every order.
 *
 * @example await changeAttributionSettings(db, shop, { windowDays: 7 });
 * @returns the resolved settings and counts; throws RangeError (nothing written) on invalid settings.
 */
export async function changeAttributionSettings(
  db: Db,
  shop: ShopContext,
  partial: PartialAttributionSettings,
): Promise<{ settings: Readonly<AttributionSettings>; reattribution: ReattributionResult }> {
  const settings = resolveSettings(partial);
  await saveShopSettings(db, shop.id, { attribution: { ...settings, precedence: [...settings.precedence], selfReferral: { ...settings.selfReferral } } });
  const next = { ...shop, settings };
  return { settings, reattribution: await reattributeOrders(db, next, null, "attribution settings changed") };
}

async function requireInfluencer(db: Db, shop: ShopContext, id: string): Promise<Influencer> {
  const influencer = await getInfluencer(db, shop.id, id);
  if (!influencer) throw new RangeError(`no influencer ${id} in this shop`);
  return influencer;
}

function requireDestination(destination: string): string {
  let url: URL;
  try {
    url = new URL(destination.trim());
  } catch {
    throw new RangeError(`destination must be an absolute URL, got ${JSON.stringify(destination)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new RangeError(`destination must be http(s), got ${url.protocol}`);
  return url.toString();
}

