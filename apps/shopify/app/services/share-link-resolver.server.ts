/**
 * Slug → link, influencer handle and shop facts, cached briefly so the redirect usually touches no
 * database. Unknown slugs are cached too (shorter), so a scan of random slugs cannot hammer it.
 */
import { buildShareUrl } from "@icr/metrics";
import type { Db } from "../db.server";
import { getInfluencer } from "../models/influencers.server";
import { findLinkBySlug, resolveSlug, type StoredLink } from "../models/share-links.server";
import { loadShopContextById } from "./shop-context.server";

export interface ResolvedLink {
  link: StoredLink;
  /** The value written to `utm_content`: the influencer's roster utm value, else the handle. */
  utmContent: string;
  shop: { id: number; salt: string; timezone: string; trustProxy: boolean };
  /**
   * The redirect target built once by `buildShareUrl` with a placeholder click id, split around
   * it: a redirect only concatenates `before + clickId + after`.
   */
  location: { before: string; after: string };
}

/** Stands in for the click id while the target is built (same alphabet, so no escaping changes it). */
const CLICK_PLACEHOLDER = "cICRCLICKPLACEHOLDERx";

interface Entry {
  value: ResolvedLink | null;
  expires: number;
}

export interface ShareLinkResolverOptions {
  ttlMs?: number;
  missTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/** Cached lookups of share links by slug (globally, or within one shop for the app proxy). */
export class ShareLinkResolver {
  private readonly cache = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly missTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    options: ShareLinkResolverOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.missTtlMs = options.missTtlMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The link for a slug; with `shopId`, only that shop's link (app-proxy requests).
   *
   * @example const resolved = await resolver.resolve("alice-ig");
   * @returns the link with its influencer's utm value and shop, or null for an unknown slug.
   */
  async resolve(slug: string, shopId?: number): Promise<ResolvedLink | null> {
    const key = shopId === undefined ? slug : `${shopId}/${slug}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = await this.load(slug, shopId);
    this.cache.set(key, { value, expires: this.now() + (value ? this.ttlMs : this.missTtlMs) });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return value;
  }

  /**
   * The cached answer, without waiting: the redirect's fast path.
   *
   * @example const hit = resolver.peek("alice-ig");
   * @returns the link, null for a cached unknown slug, undefined when not cached (call `resolve`).
   */
  peek(slug: string, shopId?: number): ResolvedLink | null | undefined {
    const hit = this.cache.get(shopId === undefined ? slug : `${shopId}/${slug}`);
    return hit && hit.expires > this.now() ? hit.value : undefined;
  }

  /**
   * Forgets cached answers (after a link, influencer or setting changes), for one slug or all.
   *
   * @example resolver.invalidate("alice-ig");
   * @returns nothing.
   */
  invalidate(slug?: string): void {
    if (slug === undefined) {
      this.cache.clear();
      return;
    }
    for (const key of this.cache.keys()) if (key === slug || key.endsWith(`/${slug}`)) this.cache.delete(key);
  }

  private async load(slug: string, shopId?: number): Promise<ResolvedLink | null> {
    const link = shopId === undefined ? await resolveSlug(this.db, slug) : await findLinkBySlug(this.db, shopId, slug);
    if (!link) return null;
    const [influencer, shop] = await Promise.all([
      getInfluencer(this.db, link.shopId, link.influencerId),
      loadShopContextById(this.db, link.shopId),
    ]);
    if (!influencer || !shop) return null;
    const utmContent = influencer.utm ?? influencer.handle;
    const template = buildShareUrl(link.destination, {
      handle: utmContent,
      clickId: CLICK_PLACEHOLDER,
      ...(link.platform ? { platform: link.platform } : {}),
      ...(link.campaign ? { campaign: link.campaign } : {}),
    });
    const at = template.lastIndexOf(CLICK_PLACEHOLDER);
    return {
      link,
      utmContent,
      shop: { id: shop.id, salt: shop.salt, timezone: shop.timezone, trustProxy: shop.trustProxy },
      location: { before: template.slice(0, at), after: template.slice(at + CLICK_PLACEHOLDER.length) },
    };
  }
}
