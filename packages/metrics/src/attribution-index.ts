import { InvalidInputError } from "./errors.js";
import { normalizeEmail } from "./normalize-email.js";
import { shopifyId } from "./shopify-id.js";
import type { Click, CodeAssignment, Evidence, Influencer, ShareLink } from "./types.js";

/** An influencer as attribution compares it: keys already normalized. */
export interface IndexedInfluencer {
  id: string;
  handle: string;
  /** Normalized email (or the salted hash the roster holds), for self-referral. */
  email: string | undefined;
  /** Numeric Shopify customer id, for self-referral. */
  customerId: string | undefined;
  /** Campaign credited when the evidence names none (canonical spelling). */
  campaign: string | null;
}

/** Who a discount code credits. */
export interface CodeTarget {
  influencerId: string;
  /** The assignment's campaign (canonical spelling), or null. */
  campaign: string | null;
  /** The code as assigned. */
  code: string;
}

/** Who a click id credits: the link's influencer and campaign at the time of the click. */
export interface ClickTarget {
  influencerId: string;
  campaign: string | null;
  at: number;
  link: string;
}

/**
 * Everything attribution looks up, keyed so that `attributeOrder` does Map lookups only. Build it
 * once per shop and settings-independent data set with `buildAttributionIndex`; it is immutable.
 */
export interface AttributionIndex {
  /** By influencer id. */
  readonly influencers: ReadonlyMap<string, IndexedInfluencer>;
  /** By lower-cased, trimmed code. */
  readonly codes: ReadonlyMap<string, CodeTarget>;
  /** Influencer id by lower-cased `utm_content` value: the roster's `utm` value, else the handle. */
  readonly utm: ReadonlyMap<string, string>;
  /** By click id, as recorded (case-sensitive). */
  readonly clicks: ReadonlyMap<string, ClickTarget>;
  /** By slug. */
  readonly links: ReadonlyMap<string, ShareLink>;
  /** Canonical campaign id by lower-cased id; null when no campaign list was given. */
  readonly campaigns: ReadonlyMap<string, string> | null;
  /**
   * Frozen code evidence by the spellings a customer is likely to type (as assigned, lower case,
   * upper case), so the hot path finds a code without building a lower-cased string. Every key
   * lower-cases to a key of `codes`; see `lookupCodeEvidence`.
   */
  readonly codeEvidence: ReadonlyMap<string, Evidence>;
}

/** What `buildAttributionIndex` reads. */
export interface AttributionIndexInput {
  influencers: readonly Influencer[];
  codes: readonly CodeAssignment[];
  links?: readonly ShareLink[];
  clicks?: Iterable<Pick<Click, "id" | "at" | "influencerId" | "campaign" | "link">>;
  /** Campaign ids; when given, campaign names from any source are matched to them case-insensitively. */
  campaigns?: readonly string[];
}

/**
 * Builds the lookup tables attribution needs, normalizing every key once: codes and utm values
 * lower-cased and trimmed, influencer emails normalized (a value without "@" is taken to be a hash
 * and kept), customer ids reduced to Shopify's numeric id, campaign ids canonicalized when a list
 * is given. Clicks for influencers not on the roster are left out (their links went with them).
 * Throws InvalidInputError (with the path of the bad entry) for a duplicate influencer id, a handle
 * or utm value or code or link slug claimed by two influencers, a code or link naming an unknown
 * influencer, an empty handle or code, two clicks with one id but different facts, or campaign ids
 * equal but for case. Returns empty maps for empty input.
 *
 * @example
 * const index = buildAttributionIndex({
 *   influencers: [{ id: "alice", handle: "Alice", tags: [] }],
 *   codes: [{ code: "ALICE10", influencerId: "alice" }],
 * });
 * index.codes.get("alice10"); // { influencerId: "alice", campaign: null, code: "ALICE10" }
 * index.utm.get("alice");     // "alice"
 */
export function buildAttributionIndex(input: AttributionIndexInput): AttributionIndex {
  const campaigns = input.campaigns === undefined ? null : indexCampaigns(input.campaigns);
  const canonical = (campaign: string | undefined): string | null => {
    const trimmed = campaign?.trim();
    if (trimmed === undefined || trimmed === "") return null;
    return campaigns?.get(trimmed.toLowerCase()) ?? trimmed;
  };

  const influencers = new Map<string, IndexedInfluencer>();
  const utm = new Map<string, string>();
  input.influencers.forEach((influencer, i) => {
    const path = `influencers[${i}]`;
    if (influencers.has(influencer.id)) {
      throw new InvalidInputError(`influencer id ${influencer.id} appears twice`, { path: `${path}.id` });
    }
    const handle = influencer.handle.trim();
    if (handle === "") throw new InvalidInputError("empty handle", { path: `${path}.handle` });
    const utmValue = (influencer.utm?.trim() || handle).toLowerCase();
    const holder = utm.get(utmValue);
    if (holder !== undefined) {
      throw new InvalidInputError(`utm value "${utmValue}" is claimed by ${holder} and ${influencer.id}`, {
        path: `${path}.${influencer.utm?.trim() ? "utm" : "handle"}`,
      });
    }
    utm.set(utmValue, influencer.id);
    const email = influencer.email?.trim();
    influencers.set(influencer.id, {
      id: influencer.id,
      handle,
      email: email === undefined || email === "" ? undefined : email.includes("@") ? normalizeEmail(email) : email,
      customerId: influencer.customerId === undefined ? undefined : shopifyId(influencer.customerId) ?? influencer.customerId.trim(),
      campaign: canonical(influencer.campaign),
    });
  });

  const codes = new Map<string, CodeTarget>();
  const codeEvidence = new Map<string, Evidence>();
  input.codes.forEach((assignment, i) => {
    const path = `codes[${i}]`;
    const code = assignment.code.trim();
    if (code === "") throw new InvalidInputError("empty discount code", { path: `${path}.code` });
    if (!influencers.has(assignment.influencerId)) {
      throw new InvalidInputError(`code ${code} names unknown influencer ${assignment.influencerId}`, {
        path: `${path}.influencerId`,
      });
    }
    const key = code.toLowerCase();
    const target: CodeTarget = { influencerId: assignment.influencerId, campaign: canonical(assignment.campaign), code };
    const existing = codes.get(key);
    if (existing !== undefined) {
      if (existing.influencerId === target.influencerId && existing.campaign === target.campaign) return;
      throw new InvalidInputError(
        `code ${code} is assigned twice (${existing.influencerId}${existing.campaign ? `/${existing.campaign}` : ""} and ${target.influencerId}${target.campaign ? `/${target.campaign}` : ""})`,
        { path: `${path}.code` },
      );
    }
    codes.set(key, target);
    const upper = key.toUpperCase();
    // The upper-case spelling is only a safe alias when it lower-cases back (not for "ı", "ſ", "K").
    const spellings = upper.toLowerCase() === key ? [code, key, upper] : [code, key];
    for (const spelling of spellings) codeEvidence.set(spelling, codeEvidenceFor(target, spelling));
  });

  const links = new Map<string, ShareLink>();
  (input.links ?? []).forEach((link, i) => {
    const path = `links[${i}]`;
    if (!influencers.has(link.influencerId)) {
      throw new InvalidInputError(`link ${link.slug} names unknown influencer ${link.influencerId}`, {
        path: `${path}.influencerId`,
      });
    }
    const existing = links.get(link.slug);
    if (existing !== undefined && existing.influencerId !== link.influencerId) {
      throw new InvalidInputError(`link ${link.slug} belongs to ${existing.influencerId} and ${link.influencerId}`, {
        path: `${path}.slug`,
      });
    }
    links.set(link.slug, link);
  });

  const clicks = new Map<string, ClickTarget>();
  let i = 0;
  for (const click of input.clicks ?? []) {
    const path = `clicks[${i++}]`;
    if (!Number.isFinite(click.at)) throw new InvalidInputError("click time is not a number", { path: `${path}.at` });
    if (!influencers.has(click.influencerId)) continue;
    const campaign = canonical(click.campaign);
    const existing = clicks.get(click.id);
    if (existing !== undefined) {
      const same =
        existing.at === click.at &&
        existing.influencerId === click.influencerId &&
        existing.campaign === campaign &&
        existing.link === click.link;
      if (same) continue;
      throw new InvalidInputError(`click id ${click.id} is recorded twice with different facts`, { path: `${path}.id` });
    }
    clicks.set(click.id, { influencerId: click.influencerId, campaign, at: click.at, link: click.link });
  }

  return { influencers, codes, utm, clicks, links, campaigns, codeEvidence };
}

function indexCampaigns(ids: readonly string[]): Map<string, string> {
  const campaigns = new Map<string, string>();
  ids.forEach((id, i) => {
    const trimmed = id.trim();
    if (trimmed === "") throw new InvalidInputError("empty campaign id", { path: `campaigns[${i}]` });
    const key = trimmed.toLowerCase();
    const existing = campaigns.get(key);
    if (existing !== undefined && existing !== trimmed) {
      throw new InvalidInputError(`campaigns ${existing} and ${trimmed} differ only by case`, { path: `campaigns[${i}]` });
    }
    campaigns.set(key, trimmed);
  });
  return campaigns;
}

function codeEvidenceFor(target: CodeTarget, spelling: string): Evidence {
  return Object.freeze({
    rule: "code",
    influencerId: target.influencerId,
    campaign: target.campaign,
    at: undefined,
    value: spelling,
    source: "discount_codes",
    link: undefined,
  });
}

/**
 * The evidence a discount code gives, as typed on an order, matched case-insensitively; undefined
 * when the code is no influencer's. Allocation-free for the spellings the index holds; a code in
 * mixed case, with non-ASCII letters or surrounding spaces falls back to one lower-casing.
 *
 * @example
 * lookupCodeEvidence(index, "alice10")?.influencerId; // "alice"
 * lookupCodeEvidence(index, "");                      // undefined
 */
export function lookupCodeEvidence(index: AttributionIndex, code: string): Evidence | undefined {
  const hit = index.codeEvidence.get(code);
  if (hit !== undefined) return hit;
  if (!mayMatchOtherSpelling(code)) return undefined;
  const target = index.codes.get(code.trim().toLowerCase());
  return target === undefined ? undefined : codeEvidenceFor(target, code);
}

/**
 * False when `code` is ASCII without surrounding spaces and not in mixed case: then its only
 * matching spellings (all lower, all upper) are keys of `codeEvidence` already, so a miss is final.
 */
function mayMatchOtherSpelling(code: string): boolean {
  let lower = false;
  let upper = false;
  const last = code.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = code.charCodeAt(i);
    if (c > 127) return true;
    if (c <= 32 && (i === 0 || i === last)) return true;
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
  }
  return lower && upper;
}
