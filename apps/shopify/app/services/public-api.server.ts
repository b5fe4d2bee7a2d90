/**
 * The public metrics API (docs/public-api.md), independent of any HTTP framework: the Remix routes,
 * the app-proxy route and the production server's fast path all call `answerPublicApi`.
 *
 * Order of work: method, rate limit (every request costs a token, even a 304), path and query
 * (zod), then the in-process cache keyed by shop key + endpoint + parsed query; on a miss the shop,
 * its publish switches and its rollups are read and the answer (success or error) is cached for a
 * short TTL. Only aggregates leave: counts, rates, handles and display names.
 */
import { createHash } from "node:crypto";
import type { Goal } from "@icr/metrics";
import { z } from "zod";
import type { Db } from "../db.server";
import { findCampaigns } from "../models/campaigns.server";
import { findInfluencers, listInfluencers } from "../models/influencers.server";
import { listRollups } from "../models/rollups.server";
import { getRateDisplaySettings } from "../models/shop-settings.server";
import { findShopByPublicKey } from "../models/shops.server";
import type { LruCache } from "./public-cache.server";
import { leaderboardBody, publicPeriod, rateBody, shopBenchmark } from "./public-metrics.server";
import { loadPublishedScopes } from "./public-publications.server";
import type { TokenBucketLimiter } from "./public-rate-limit.server";

/** A finished answer as the cache keeps it. */
export interface CachedAnswer {
  status: 200 | 400 | 404;
  body: string;
  /** Strong validator of `body` (200 answers only). */
  etag: string | null;
}

/** What the API needs from the process: the database, the cache, the limiter and a clock. */
export interface PublicApiContext {
  db: Db;
  cache: LruCache<CachedAnswer>;
  limiter: TokenBucketLimiter;
  now(): number;
}

export interface PublicApiRequest {
  method: string;
  /** `{shopPublicKey}` from the path. */
  shopKey: string;
  /** What follows the key: "rate" or "leaderboard". */
  endpoint: string;
  query: URLSearchParams;
  /** Who the rate limit counts against (an IP address, or a stand-in). */
  clientAddress: string;
  ifNoneMatch: string | null;
  /** Set for app-proxy requests (signature already verified): the key must belong to this shop. */
  proxiedShopDomain?: string;
}

export interface PublicApiResponse {
  status: number;
  headers: Record<string, string>;
  /** null for 204, 304 and HEAD. */
  body: string | null;
}

/** Same for every visitor, so any cache may keep it; a minute fresh, then served while revalidating. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";
const ERROR_CACHE_CONTROL = "public, max-age=60";

const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "If-None-Match",
  "access-control-expose-headers": "ETag, Retry-After",
  "access-control-max-age": "86400",
};
const JSON_TYPE = "application/json; charset=utf-8";

const SHOP_KEY = /^[A-Za-z0-9_-]{6,64}$/;
const GOALS = ["purchase", "signup"] as const satisfies readonly Goal[];

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z
    .string({ invalid_type_error: `${name} must be given once` })
    .regex(/^\d{1,4}$/, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be a whole number from ${min} to ${max}`)
    .default(String(fallback));
const goal = z.enum(GOALS, { errorMap: () => ({ message: "goal must be purchase or signup" }) }).default("purchase");
const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(100, `${what} must be at most 100 characters`)
    .transform((s) => s.toLowerCase());

const rateQuery = z
  .object({
    scope: z
      .enum(["overall", "influencer", "campaign"], { errorMap: () => ({ message: "scope must be overall, influencer or campaign" }) })
      .default("overall"),
    influencer: name("influencer").optional(),
    campaign: name("campaign").optional(),
    days: wholeNumber("days", 1, 365, 30),
    goal,
  })
  .superRefine((q, ctx) => {
    if (q.scope === "influencer" && q.influencer === undefined) {
      ctx.addIssue({ code: "custom", message: "influencer is required with scope=influencer" });
    }
    if (q.scope === "campaign" && q.campaign === undefined) {
      ctx.addIssue({ code: "custom", message: "campaign is required with scope=campaign" });
    }
  });

const leaderboardQuery = z.object({
  limit: wholeNumber("limit", 1, 50, 10),
  days: wholeNumber("days", 1, 365, 30),
  goal,
  campaign: name("campaign").optional(),
});

type RateQuery = z.infer<typeof rateQuery>;
type LeaderboardQuery = z.infer<typeof leaderboardQuery>;

/** A query's known parameters as plain strings; a parameter given twice stays an array (a bad value). */
function knownParameters(query: URLSearchParams, names: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of names) {
    const values = query.getAll(key);
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether an If-None-Match header (a list, or `*`) matches a strong ETag. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

function respond(method: string, status: number, headers: Record<string, string>, body: string | null): PublicApiResponse {
  return { status, headers: { ...CORS_HEADERS, "x-content-type-options": "nosniff", ...headers }, body: method === "HEAD" ? null : body };
}

function fromCached(method: string, answer: CachedAnswer, ifNoneMatch: string | null): PublicApiResponse {
  if (answer.etag !== null) {
    const headers = { etag: answer.etag, "cache-control": PUBLIC_CACHE_CONTROL };
    if (matches(ifNoneMatch, answer.etag)) return respond(method, 304, headers, null);
    return respond(method, answer.status, { ...headers, "content-type": JSON_TYPE }, answer.body);
  }
  const cacheControl = answer.status === 404 ? ERROR_CACHE_CONTROL : "no-store";
  return respond(method, answer.status, { "content-type": JSON_TYPE, "cache-control": cacheControl }, answer.body);
}

const ok = (value: unknown): CachedAnswer => {
  const body = JSON.stringify(value);
  return { status: 200, body, etag: etagOf(body) };
};
const notPublished = (what: string): CachedAnswer => ({
  status: 404,
  body: errorBody("not_published", `This shop has not published ${what}.`),
  etag: null,
});
const notFound = (what: string): CachedAnswer => ({ status: 404, body: errorBody("not_found", `${what} not found.`), etag: null });

/**
 * Answers one public API request.
 *
 * @example
 *   const answer = await answerPublicApi(ctx, { method: "GET", shopKey: "pk_1", endpoint: "rate",
 *     query: new URLSearchParams("scope=overall"), clientAddress: "203.0.113.7", ifNoneMatch: null });
 *   // { status: 200, headers: { etag: "\"…\"", "cache-control": "public, max-age=60, …", … }, body: "{\"scope\":\"overall\",…}" }
 * @returns the response to send: 200 JSON, 204 (OPTIONS), 304, or a JSON error (400, 404, 405, 429).
 */
export async function answerPublicApi(ctx: PublicApiContext, request: PublicApiRequest): Promise<PublicApiResponse> {
  const { method } = request;
  if (method === "OPTIONS") return respond(method, 204, { "cache-control": "public, max-age=86400" }, null);
  if (method !== "GET" && method !== "HEAD") {
    return respond(method, 405, { allow: "GET, HEAD, OPTIONS", "content-type": JSON_TYPE, "cache-control": "no-store" },
      errorBody("bad_request", `The public API answers GET only, not ${method}.`));
  }
  const now = ctx.now();
  const decision = ctx.limiter.take(request.clientAddress, now);
  if (!decision.allowed) {
    return respond(method, 429, { "retry-after": String(decision.retryAfterSeconds), "content-type": JSON_TYPE, "cache-control": "no-store" },
      errorBody("rate_limited", `Too many requests from this address; retry in ${decision.retryAfterSeconds} s.`));
  }
  if (!SHOP_KEY.test(request.shopKey)) return fromCached(method, notFound("Shop"), null);

  // The same URL asked again (what widgets do) skips parsing: the raw query string is a key too.
  const scope = `${request.shopKey}|${request.proxiedShopDomain ?? ""}|${request.endpoint}|`;
  const rawKey = `${scope}?${request.query.toString()}`;
  const seen = ctx.cache.get(rawKey, now);
  if (seen !== undefined) return fromCached(method, seen, request.ifNoneMatch);

  let parsed: { endpoint: "rate"; query: RateQuery } | { endpoint: "leaderboard"; query: LeaderboardQuery };
  if (request.endpoint === "rate") {
    const result = rateQuery.safeParse(knownParameters(request.query, ["scope", "influencer", "campaign", "days", "goal"]));
    if (!result.success) return fromCached(method, remember(ctx, rawKey, badRequest(result.error), null, now), null);
    parsed = { endpoint: "rate", query: result.data };
  } else if (request.endpoint === "leaderboard") {
    const result = leaderboardQuery.safeParse(knownParameters(request.query, ["limit", "days", "goal", "campaign"]));
    if (!result.success) return fromCached(method, remember(ctx, rawKey, badRequest(result.error), null, now), null);
    parsed = { endpoint: "leaderboard", query: result.data };
  } else {
    return fromCached(method, notFound(`Endpoint ${JSON.stringify(request.endpoint.slice(0, 40))}`), null);
  }

  // Different spellings of one query (order, defaults, case, ignored parameters) share one answer.
  const key = `${scope}${JSON.stringify(parsed.query)}`;
  let answer = ctx.cache.get(key, now);
  if (answer === undefined) {
    const computed = await compute(ctx.db, request, parsed, now);
    answer = computed.answer;
    ctx.cache.set(key, answer, computed.shopId, now);
    remember(ctx, rawKey, answer, computed.shopId, now);
  }
  return fromCached(method, answer, request.ifNoneMatch);
}

function remember(ctx: PublicApiContext, key: string, answer: CachedAnswer, shopId: number | null, now: number): CachedAnswer {
  ctx.cache.set(key, answer, shopId, now);
  return answer;
}

function badRequest(error: z.ZodError): CachedAnswer {
  const issue = error.issues[0];
  const field = issue?.path.join(".");
  const message = issue?.message ?? "invalid query";
  // zod's own messages (wrong type) do not name the parameter; ours do.
  const text = field && !message.includes(field) ? `${field}: ${message}` : message;
  return { status: 400, body: errorBody("bad_request", text), etag: null };
}

async function compute(
  db: Db,
  request: PublicApiRequest,
  parsed: { endpoint: "rate"; query: RateQuery } | { endpoint: "leaderboard"; query: LeaderboardQuery },
  now: number,
): Promise<{ shopId: number | null; answer: CachedAnswer }> {
  const shop = await findShopByPublicKey(db, request.shopKey);
  if (!shop || (request.proxiedShopDomain !== undefined && request.proxiedShopDomain !== shop.domain)) {
    return { shopId: null, answer: notFound("Shop") };
  }
  const [published, display] = await Promise.all([loadPublishedScopes(db, shop.id), getRateDisplaySettings(db, shop.id)]);
  const answer = parsed.endpoint === "rate"
    ? await rateAnswer(db, shop, parsed.query, published, display, now)
    : await leaderboardAnswer(db, shop, parsed.query, published, display, now);
  return { shopId: shop.id, answer };
}

type ShopRow = NonNullable<Awaited<ReturnType<typeof findShopByPublicKey>>>;
type Published = Awaited<ReturnType<typeof loadPublishedScopes>>;
type Display = Awaited<ReturnType<typeof getRateDisplaySettings>>;

async function rateAnswer(db: Db, shop: ShopRow, q: RateQuery, published: Published, display: Display, now: number): Promise<CachedAnswer> {
  let label = "All influencers";
  let target = "";
  if (q.scope === "influencer") {
    const [influencer] = (await findInfluencers(db, shop.id, { handles: [q.influencer!] })).filter((i) => i.handle === q.influencer);
    if (!influencer) return notFound(`Influencer ${JSON.stringify(q.influencer)}`);
    target = influencer.id;
    label = influencer.name?.trim() || influencer.handle;
  } else if (q.scope === "campaign") {
    const [campaign] = await findCampaigns(db, shop.id, [q.campaign!]);
    if (!campaign) return notFound(`Campaign ${JSON.stringify(q.campaign)}`);
    target = campaign.id;
    label = campaign.name?.trim() || campaign.id;
  }
  if (!published.rate(q.scope, target)) {
    return notPublished(q.scope === "overall" ? "its conversion rate" : `this ${q.scope}'s conversion rate`);
  }
  const period = publicPeriod(now, shop.timezone, q.days);
  const rows = await listRollups(db, shop.id, { from: period.previousFrom, to: period.to, dimension: "" });
  return ok(
    rateBody(rows, {
      scope: q.scope,
      ...(q.scope === "influencer" ? { influencerId: target } : {}),
      ...(q.scope === "campaign" ? { campaign: target } : {}),
      label,
      goal: q.goal,
      period,
      currency: shop.currency,
      thresholds: display.lowSample,
      benchmark: shopBenchmark(display),
      now,
    }),
  );
}

async function leaderboardAnswer(
  db: Db,
  shop: ShopRow,
  q: LeaderboardQuery,
  published: Published,
  display: Display,
  now: number,
): Promise<CachedAnswer> {
  if (q.campaign !== undefined && (await findCampaigns(db, shop.id, [q.campaign])).length === 0) {
    return notFound(`Campaign ${JSON.stringify(q.campaign)}`);
  }
  if (!published.leaderboard(q.campaign ?? null)) return notPublished("its influencer leaderboard");
  const period = publicPeriod(now, shop.timezone, q.days);
  const [rows, roster] = await Promise.all([
    listRollups(db, shop.id, { from: period.from, to: period.to, dimension: "" }),
    listInfluencers(db, shop.id),
  ]);
  return ok(
    leaderboardBody(rows, {
      goal: q.goal,
      period,
      ...(q.campaign !== undefined ? { campaign: q.campaign } : {}),
      limit: q.limit,
      roster,
      publishedIds: published.influencerIds,
      thresholds: display.lowSample,
      now,
    }),
  );
}
