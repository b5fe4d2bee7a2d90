import { isbot } from "isbot";
import type { ClassifiedClick, Click } from "./types.js";

/** A visitor's repeat clicks on one link count once per this sliding window (METRICS.md §5). */
export const DEDUPE_WINDOW_MS = 60 * 60 * 1000;

/**
 * Fetchers that `isbot` 5 does not list: Viber's link preview, and Microsoft Office, which requests
 * a link itself before handing it to the browser. (`isbot` already knows Slack, WhatsApp,
 * facebookexternalhit, Twitterbot, LinkedInBot, TelegramBot, Discordbot, SkypeUriPreview, Applebot,
 * Pinterest, Embedly and iMessage's preview agent; tests pin each of those.)
 */
const PREVIEW_FETCHERS = /^viber\/|microsoft office|msoffice|link ?preview/i;

/** Distinct user agents whose verdict is kept; past it the oldest is forgotten first. */
const VERDICT_CACHE_LIMIT = 10_000;
const verdicts = new Map<string, boolean>();

/**
 * Whether a user agent is a bot or a link-preview fetcher rather than a person: `isbot`'s list plus
 * the fetchers it misses. An empty or missing user agent is a bot: browsers always send one.
 *
 * @example
 * isBotUserAgent("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"); // true
 * isBotUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) … Safari/604.1"); // false
 * isBotUserAgent(""); // true
 */
export function isBotUserAgent(ua?: string): boolean {
  if (ua === undefined) return true;
  // isbot's pattern is long and user agents repeat (a link's visitors share a few browsers): each
  // distinct one is tested once, in a bounded cache so random user agents cannot grow it.
  let verdict = verdicts.get(ua);
  if (verdict === undefined) {
    verdict = ua.trim() === "" || isbot(ua) || PREVIEW_FETCHERS.test(ua);
    if (verdicts.size >= VERDICT_CACHE_LIMIT) {
      const oldest = verdicts.keys().next().value;
      if (oldest !== undefined) verdicts.delete(oldest);
    }
    verdicts.set(ua, verdict);
  }
  return verdict;
}

/**
 * One click classified for the app's redirect, given when the same visitor's last *counted* click
 * on the same link happened (undefined when there was none). A bot (HEAD request, bot user agent)
 * is never counted; a human click counts when no counted click of that visitor on that link lies
 * within 60 minutes of it, on either side (so a late-arriving earlier click does not count twice).
 * The click's own extra fields (a link row id, say) are kept.
 *
 * @example
 * classifyClick(click);                              // { ...click, bot: false, counted: true }
 * classifyClick(click, click.at - 10 * 60_000);      // counted: false (10 minutes after a counted one)
 */
export function classifyClick<C extends Click>(click: C, lastCountedAt?: number): C & ClassifiedClick {
  const bot = isBotClick(click);
  const counted = !bot && (lastCountedAt === undefined || Math.abs(click.at - lastCountedAt) >= DEDUPE_WINDOW_MS);
  return { ...click, bot, counted };
}

/**
 * Classifies a batch of clicks: HEAD requests and bots are not counted; a human click counts when
 * the same visitor's last counted click on the same link is at least 60 minutes earlier (a sliding
 * window from the last counted click, not clock hours). The result is the same whatever order the
 * clicks come in: they are processed sorted by (link, visitor, time, id) and returned in input
 * order. Returns [] for no clicks.
 *
 * @example
 * classifyClicks([a0900, a0930, a1005]).map((c) => c.counted); // [true, false, true]
 */
export function classifyClicks(clicks: Iterable<Click>): ClassifiedClick[] {
  const input = Array.from(clicks);
  const bot = input.map(isBotClick);
  const order = input.map((_, i) => i).sort((i, j) => compareClicks(input[i]!, input[j]!) || i - j);
  const counted = new Array<boolean>(input.length).fill(false);
  let groupLink: string | undefined;
  let groupVisitor: string | undefined;
  let lastCounted = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const click = input[i]!;
    if (click.link !== groupLink || click.visitor !== groupVisitor) {
      groupLink = click.link;
      groupVisitor = click.visitor;
      lastCounted = Number.NEGATIVE_INFINITY;
    }
    if (bot[i] || click.at - lastCounted < DEDUPE_WINDOW_MS) continue;
    counted[i] = true;
    lastCounted = click.at;
  }
  return input.map((click, i) => ({ ...click, bot: bot[i]!, counted: counted[i]! }));
}

function isBotClick(click: Click): boolean {
  return click.method?.toUpperCase() === "HEAD" || isBotUserAgent(click.userAgent);
}

function compareClicks(a: Click, b: Click): number {
  return (
    compareText(a.link, b.link) ||
    compareText(a.visitor, b.visitor) ||
    a.at - b.at ||
    compareText(a.id, b.id) ||
    // Identical keys: put humans first, so which copy counts never depends on input order.
    Number(isBotClick(a)) - Number(isBotClick(b))
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
