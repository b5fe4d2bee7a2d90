import { ClickTable, type ClickTarget } from "./click-table.js";
import { InvalidInputError } from "./errors.js";
import { normalizeEmail } from "./normalize-email.js";
import { shopifyId } from "./shopify-id.js";
import { ProbeTable } from "./probe-table.js";
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
  /** `email.length` (-1 without one), compared first so most orders never read the email itself. */
  emailLength: number;
  /** `customerId.length` (-1 without one), for the same reason. */
  customerIdLength: number;
}

/** Who a discount code credits. */
export interface CodeTarget {
  influencerId: string;
  /** The assignment's campaign (canonical spelling), or null. */
  campaign: string | null;
  /** The code as assigned. */
  code: string;
}

/** A discount code as the hot path finds it: its evidence, ready to record, and who it credits. */
export interface CodeMatch {
  /** Frozen evidence with the code spelled as typed. */
  evidence: Evidence;
  influencer: IndexedInfluencer;
}

/**
 * Everything attribution looks up, keyed so that `attributeOrder` does Map lookups only. Build it
 * once per shop and settings-independent data set with `buildAttributionIndex`; it is immutable.
 */
export interface AttributionIndex {
  /** By influencer id. */
  readonly influencers: ReadonlyMap<string, IndexedInfluencer>;
  /** The roster in input order: `clicks.influencerIndex(slot)` is a position in it. */
  readonly roster: readonly IndexedInfluencer[];
  /** `roster[i].id`, in a flat array: the hot path names candidates without reading their records. */
  readonly rosterIds: readonly string[];
  /** By lower-cased, trimmed code. */
  readonly codes: ReadonlyMap<string, CodeTarget>;
  /** Influencer by lower-cased `utm_content` value: the roster's `utm` value, else the handle. */
  readonly utm: ReadonlyMap<string, IndexedInfluencer>;
  /** By click id, as recorded (case-sensitive); influencer indexes are roster positions. */
  readonly clicks: ClickTable;
  /** By slug. */
  readonly links: ReadonlyMap<string, ShareLink>;
  /** Canonical campaign id by lower-cased id; null when no campaign list was given. */
  readonly campaigns: ReadonlyMap<string, string> | null;
  /**
   * For the hot path, the spellings of each code a customer is likely to type (as assigned, lower
   * case, upper case), so a code is found without building a lower-cased string. A spelling's
   * payload holds the roster position (field 0), the position in `codeCampaigns` (field 1, -1:
   * none) and the position of its frozen evidence in `codeEvidence` (field 2). Every spelling
   * lower-cases to a key of `codes`; see `foldedCodeRow` for the spellings it does not hold.
   */
  readonly codeSpellings: ProbeTable;
  readonly codeEvidence: readonly Evidence[];
  readonly codeCampaigns: readonly string[];
  /** For the hot path, `utm` as a `ProbeTable` whose payload field 0 is the influencer's roster position. */
  readonly utmTable: ProbeTable;
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
 * index.utm.get("alice")?.id; // "alice"
 */
export function buildAttributionIndex(input: AttributionIndexInput): AttributionIndex {
  const campaigns = input.campaigns === undefined ? null : indexCampaigns(input.campaigns);
  const canonical = (campaign: string | undefined): string | null => {
    const trimmed = campaign?.trim();
    if (trimmed === undefined || trimmed === "") return null;
    return campaigns?.get(trimmed.toLowerCase()) ?? trimmed;
  };

  const influencers = new Map<string, IndexedInfluencer>();
  const utm = new Map<string, IndexedInfluencer>();
  const utmTable = new ProbeTable();
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
      throw new InvalidInputError(`utm value "${utmValue}" is claimed by ${holder.id} and ${influencer.id}`, {
        path: `${path}.${influencer.utm?.trim() ? "utm" : "handle"}`,
      });
    }
    const trimmed = influencer.email?.trim();
    const email = trimmed === undefined || trimmed === "" ? undefined : trimmed.includes("@") ? normalizeEmail(trimmed) : trimmed;
    const customerId = influencer.customerId === undefined ? undefined : (shopifyId(influencer.customerId) ?? influencer.customerId.trim());
    const indexed: IndexedInfluencer = {
      id: influencer.id,
      handle,
      email,
      customerId,
      campaign: canonical(influencer.campaign),
      emailLength: email?.length ?? -1,
      customerIdLength: customerId?.length ?? -1,
    };
    utm.set(utmValue, indexed);
    utmTable.setInt(utmTable.insert(utmValue), 0, influencers.size);
    influencers.set(influencer.id, indexed);
  });
  const roster = [...influencers.values()];
  const rosterIds = roster.map((influencer) => influencer.id);

  const codes = new Map<string, CodeTarget>();
  const codeSpellings = new ProbeTable();
  const codeEvidence: Evidence[] = [];
  const codeCampaigns: string[] = [];
  const codeCampaignPosition = new Map<string, number>();
  const rosterPosition = new Map(roster.map((influencer, i) => [influencer.id, i]));
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
    let campaign = target.campaign === null ? -1 : (codeCampaignPosition.get(target.campaign) ?? -1);
    if (target.campaign !== null && campaign < 0) {
      campaign = codeCampaigns.push(target.campaign) - 1;
      codeCampaignPosition.set(target.campaign, campaign);
    }
    for (const spelling of spellings) {
      const known = codeSpellings.size;
      const row = codeSpellings.insert(spelling);
      if (codeSpellings.size === known) continue; // "A1" is its own upper case
      codeSpellings.setInt(row, 0, rosterPosition.get(target.influencerId)!);
      codeSpellings.setInt(row, 1, campaign);
      codeSpellings.setInt(row, 2, codeEvidence.push(codeEvidenceFor(target, spelling)) - 1);
    }
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

  const clicks = new ClickTable(roster.map((influencer) => influencer.id));
  let i = 0;
  for (const click of input.clicks ?? []) {
    const path = `clicks[${i++}]`;
    if (!Number.isFinite(click.at)) throw new InvalidInputError("click time is not a number", { path: `${path}.at` });
    if (!influencers.has(click.influencerId)) continue;
    const target: ClickTarget = { influencerId: click.influencerId, campaign: canonical(click.campaign), at: click.at, link: click.link };
    if (clicks.add(click.id, target)) continue;
    const existing = clicks.get(click.id)!;
    const same =
      existing.at === target.at &&
      existing.influencerId === target.influencerId &&
      existing.campaign === target.campaign &&
      existing.link === target.link;
    if (!same) throw new InvalidInputError(`click id ${click.id} is recorded twice with different facts`, { path: `${path}.id` });
  }

  return { influencers, roster, rosterIds, codes, utm, clicks, links, campaigns, codeSpellings, codeEvidence, codeCampaigns, utmTable };
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
 * The evidence a discount code gives, as typed on an order, and the influencer it credits, matched
 * case-insensitively; undefined when the code is no influencer's.
 *
 * @example
 * matchCode(index, "alice10")?.evidence.influencerId; // "alice"
 * matchCode(index, "");                               // undefined
 */
export function matchCode(index: AttributionIndex, code: string): CodeMatch | undefined {
  const exact = index.codeSpellings.find(code);
  const row = exact >= 0 ? exact : foldedCodeRow(index, code);
  if (row < 0) return undefined;
  const frozen = index.codeEvidence[index.codeSpellings.int(row, 2)]!;
  const evidence = exact >= 0 ? frozen : { ...frozen, value: code };
  return { evidence, influencer: index.roster[index.codeSpellings.int(row, 0)]! };
}

/**
 * For a code that is not one of the spellings `codeSpellings` holds: the position of the spelling
 * it matches once lower-cased and trimmed, or -1. Skips the lower-casing (and answers -1) when the code is ASCII,
 * untrimmed and not in mixed case, as its matching spellings would have been found already.
 *
 * @example
 * foldedCodeRow(index, "aLiCe10"); // the position of "alice10"
 * foldedCodeRow(index, "WELCOME"); // -1, without building a string
 */
export function foldedCodeRow(index: AttributionIndex, code: string): number {
  return mayMatchOtherSpelling(code) ? index.codeSpellings.find(code.trim().toLowerCase()) : -1;
}

/**
 * False when `code` is ASCII without surrounding spaces and not in mixed case: then its only
 * matching spellings (all lower, all upper) are in `codeSpellings` already, so a miss is final.
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
