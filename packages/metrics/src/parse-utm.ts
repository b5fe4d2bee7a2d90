import { InvalidInputError } from "./errors.js";
import type { Utm } from "./types.js";

/** What a landing URL says about where the visitor came from. */
export interface LandingParams {
  utm: Utm;
  /** `icr_click`, trimmed but otherwise kept as given (click ids are case-sensitive). */
  clickId?: string;
  /** Shopify's referral code: the `ref`, `source` or `r` parameter, in that preference. */
  referralCode?: string;
}

const UTM_KEYS: Readonly<Record<string, keyof Utm>> = {
  utm_source: "source",
  utm_medium: "medium",
  utm_campaign: "campaign",
  utm_content: "content",
  utm_term: "term",
};
const REFERRAL_KEYS = ["ref", "source", "r"] as const;
const CLICK_KEY = "icr_click";

/**
 * Reads UTM parameters, the `icr_click` id and the referral code from a landing URL. Accepts a
 * path with a query (`/products/x?utm_source=ig`, as Shopify's `landing_site`), a full URL, or a bare
 * query (`utm_source=ig&utm_content=alice`, with or without the leading `?`). Never throws: a
 * parameter whose percent-encoding is malformed is skipped, junk gives an empty result. Values are
 * trimmed and lower-cased (except the click id); the first non-empty occurrence of a key wins.
 * Returns `{ utm: {} }` for empty, null or query-less input.
 *
 * @example
 * parseLandingUrl("/products/tee?utm_source=Instagram&utm_content=%20Alice&icr_click=c_9F");
 * // { utm: { source: "instagram", content: "alice" }, clickId: "c_9F" }
 * parseLandingUrl(null); // { utm: {} }
 */
export function parseLandingUrl(url: string | null | undefined): LandingParams {
  const result: LandingParams = { utm: {} };
  if (typeof url !== "string") return result;
  const query = extractQuery(url);
  if (query === "") return result;
  const referral: Partial<Record<(typeof REFERRAL_KEYS)[number], string>> = {};
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const key = decodeComponent(pair.slice(0, eq))?.trim().toLowerCase();
    const raw = decodeComponent(pair.slice(eq + 1))?.trim();
    if (key === undefined || raw === undefined || raw === "") continue;
    const utmKey = UTM_KEYS[key];
    if (utmKey !== undefined) {
      result.utm[utmKey] ??= raw.toLowerCase();
    } else if (key === CLICK_KEY) {
      result.clickId ??= raw;
    } else if (key === "ref" || key === "source" || key === "r") {
      referral[key] ??= raw.toLowerCase();
    }
  }
  for (const key of REFERRAL_KEYS) {
    const code = referral[key];
    if (code !== undefined) {
      result.referralCode = code;
      break;
    }
  }
  return result;
}

/** The query part of a URL, path+query or bare query, without `?` and fragment; "" when none. */
function extractQuery(url: string): string {
  const hash = url.indexOf("#");
  const beforeFragment = (hash >= 0 ? url.slice(0, hash) : url).trim();
  const question = beforeFragment.indexOf("?");
  if (question >= 0) return beforeFragment.slice(question + 1);
  const eq = beforeFragment.indexOf("=");
  // A bare query has a key before its first "="; a path or URL has a "/" or ":" there.
  if (eq > 0 && !/[/:]/.test(beforeFragment.slice(0, eq))) return beforeFragment;
  return "";
}

/** Form-urlencoded decoding ("+" is a space); undefined when the percent-encoding is malformed. */
function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/** What a share link adds to its destination. */
export interface ShareParams {
  /** `utm_source`, e.g. "instagram". */
  platform?: string;
  /** `utm_campaign`. */
  campaign?: string;
  /** `utm_content`: the influencer's handle (or roster `utm` value). */
  handle: string;
  /** `icr_click`: the id of the click being redirected. */
  clickId?: string;
}

/**
 * The URL a share link redirects to: `destination` with `utm_source` (platform),
 * `utm_medium=influencer`, `utm_campaign`, `utm_content` (handle) and `icr_click` added. Existing
 * query parameters and the fragment are kept byte for byte, except parameters this function sets,
 * which are replaced. Works on absolute URLs and on shop paths (`/products/x`).
 * Throws InvalidInputError when the destination or the handle is empty.
 *
 * @example
 * buildShareUrl("https://shop.example/products/tee?color=red#size", {
 *   platform: "instagram", campaign: "summer", handle: "alice", clickId: "c_9f" });
 * // "https://shop.example/products/tee?color=red&utm_source=instagram&utm_medium=influencer
 * //  &utm_campaign=summer&utm_content=alice&icr_click=c_9f#size"   (one line)
 */
export function buildShareUrl(destination: string, params: ShareParams): string {
  const target = destination.trim();
  if (target === "") throw new InvalidInputError("the destination URL is empty", { path: "destination" });
  const handle = params.handle.trim();
  if (handle === "") throw new InvalidInputError("the handle is empty", { path: "handle" });

  const added: [string, string][] = [];
  const platform = params.platform?.trim();
  if (platform) added.push(["utm_source", platform]);
  added.push(["utm_medium", "influencer"]);
  const campaign = params.campaign?.trim();
  if (campaign) added.push(["utm_campaign", campaign]);
  added.push(["utm_content", handle]);
  const clickId = params.clickId?.trim();
  if (clickId) added.push([CLICK_KEY, clickId]);
  const replaced = new Set(added.map(([key]) => key));

  const hash = target.indexOf("#");
  const fragment = hash >= 0 ? target.slice(hash) : "";
  const beforeFragment = hash >= 0 ? target.slice(0, hash) : target;
  const question = beforeFragment.indexOf("?");
  const base = question >= 0 ? beforeFragment.slice(0, question) : beforeFragment;
  const existing = question >= 0 ? beforeFragment.slice(question + 1).split("&") : [];

  const kept = existing.filter((segment) => {
    if (segment === "") return false;
    const eq = segment.indexOf("=");
    const key = decodeComponent(eq >= 0 ? segment.slice(0, eq) : segment)?.trim().toLowerCase();
    return key === undefined || !replaced.has(key);
  });
  const ours = added.map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return `${base}?${[...kept, ...ours].join("&")}${fragment}`;
}
