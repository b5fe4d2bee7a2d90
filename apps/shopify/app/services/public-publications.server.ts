/**
 * Which public numbers a shop's publish switches allow. A switch names a widget and a scope; the
 * API serves numbers, so:
 * - `/rate` for a scope is public when any widget that shows that rate is on for it (`rate` and
 *   `trend` for every scope, `influencer-card` for an influencer): the three show the same answer;
 * - `/leaderboard` is public when `leaderboard` is on for the overall scope (all campaigns) or for
 *   the asked campaign, and lists only influencers that have some switch on for themselves.
 * Every change goes through `setPublished`, which tells the public API's cache to forget the shop.
 */
import type { Db } from "../db.server";
import { listInfluencers } from "../models/influencers.server";
import {
  listEnabledPublications,
  setPublication,
  type Publication,
  type PublicationScope,
} from "../models/publications.server";

const RATE_WIDGETS: ReadonlySet<string> = new Set(["rate", "trend", "influencer-card"]);

/** The switches that are on, answering what the public API may show. */
export class PublishedScopes {
  readonly #rate = new Set<string>();
  readonly #leaderboard = new Set<string>();
  /** Influencers with at least one switch on for themselves: the only ones a leaderboard lists. */
  readonly influencerIds: ReadonlySet<string>;

  /**
   * @example new PublishedScopes([{ widget: "rate", scope: "overall", target: "", enabled: true }]).rate("overall", ""); // true
   * @returns the answers; with no publications, nothing is public.
   */
  constructor(publications: readonly Publication[]) {
    const influencers = new Set<string>();
    for (const p of publications) {
      if (!p.enabled) continue;
      if (p.scope === "influencer") influencers.add(p.target);
      if (p.widget === "leaderboard" && p.scope !== "influencer") this.#leaderboard.add(p.target);
      if (RATE_WIDGETS.has(p.widget) && (p.widget !== "influencer-card" || p.scope === "influencer")) {
        this.#rate.add(`${p.scope}:${p.target}`);
      }
    }
    this.influencerIds = influencers;
  }

  /**
   * @example scopes.rate("campaign", "spring");
   * @returns whether `/rate` may answer for this scope and target ("" for overall).
   */
  rate(scope: PublicationScope, target: string): boolean {
    return this.#rate.has(`${scope}:${target}`);
  }

  /**
   * @example scopes.leaderboard(null); // the all-campaigns leaderboard
   * @returns whether `/leaderboard` may answer for this campaign (null: all campaigns).
   */
  leaderboard(campaign: string | null): boolean {
    return this.#leaderboard.has(campaign ?? "");
  }
}

/**
 * The shop's publish switches that are on.
 *
 * @example const scopes = await loadPublishedScopes(db, shopId);
 * @returns the answers; nothing is public for a shop that never published.
 */
export async function loadPublishedScopes(db: Db, shopId: number): Promise<PublishedScopes> {
  return new PublishedScopes(await listEnabledPublications(db, shopId));
}

type Listener = (shopId: number) => void;
const listeners = new Set<Listener>();

/**
 * Registers a callback for any change of a shop's publications (the public API's cache uses it).
 *
 * @example const stop = onPublicationsChanged((shopId) => cache.invalidateShop(shopId));
 * @returns a function that removes the callback.
 */
export function onPublicationsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Turns publish switches on or off, in one transaction, then tells the listeners.
 *
 * @example await setPublished(db, shopId, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
 * @returns nothing; throws RangeError (and changes nothing) when a target does not fit its scope.
 */
export async function setPublished(db: Db, shopId: number, changes: readonly Publication[]): Promise<void> {
  if (changes.length === 0) return;
  await db.transaction(async (tx) => {
    for (const change of changes) await setPublication(tx, shopId, change);
  });
  for (const listener of listeners) listener(shopId);
}

/**
 * Publishes what the demo shop shows on its widget page: the overall rate, trend and leaderboard,
 * and each influencer's rate and card. Campaigns stay unpublished (the demo of "Not published").
 *
 * @example await seedDemoPublications(db, shop.id);
 * @returns the switches it turned on; only the overall ones for a shop without influencers.
 */
export async function seedDemoPublications(db: Db, shopId: number): Promise<Publication[]> {
  const roster = await listInfluencers(db, shopId);
  const on = (widget: Publication["widget"], scope: PublicationScope, target = ""): Publication => ({ widget, scope, target, enabled: true });
  const changes = [
    on("rate", "overall"),
    on("trend", "overall"),
    on("leaderboard", "overall"),
    ...roster.flatMap((influencer) => [on("rate", "influencer", influencer.id), on("influencer-card", "influencer", influencer.id)]),
  ];
  await setPublished(db, shopId, changes);
  return changes;
}
