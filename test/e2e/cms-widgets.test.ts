/**
 * A "CMS page" on another origin: a plain HTML page served by a tiny 127.0.0.1 server loads the
 * widget bundle from the app (the demo, `npm run demo`'s seeded shop) and shows widgets; their
 * numbers equal the public API's answers. An unpublished scope answers 404 (and its widget says
 * "Not published."), and the per-address rate limit answers 429 with Retry-After: the demo runs
 * with a small limit set through ICR_PUBLIC_RATE_LIMIT for this file.
 */
import { existsSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");
/** Requests per minute per address for this file's demo: enough for the page, small enough to reach quickly. */
const RATE_LIMIT = 40;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === "true") throw new Error(`CI=true but ${CHROMIUM} is missing: the CMS widget browser test must run`);
  console.warn(`\n*** ${CHROMIUM} not found: the CMS widget browser test is SKIPPED (install Debian's chromium; CI=true fails instead) ***\n`);
}

interface Demo {
  url: string;
  shopPublicKey: string;
  stop(): Promise<void>;
}
interface RateAnswer {
  label: string;
  clicks: number;
  conversions: number;
  ratePct: number | null;
  ci95Pct: [number, number] | null;
  trend: unknown[];
}
interface LeaderboardAnswer {
  influencers: { handle: string; name: string; ratePct: number | null; clicks: number }[];
}

const percent = (pct: number) => new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 }).format(pct / 100);
const count = (n: number) => new Intl.NumberFormat("en-US").format(n);

function cmsPage(appUrl: string, key: string, handle: string): string {
  const api = `${appUrl}/api/public/v1/${key}`;
  return `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>Our creators | A CMS page</title>
<script type="module" src="${appUrl}/widgets/icr-widgets.js"></script></head>
<body><main><h1>How our creators convert</h1>
<icr-rate id="rate" src="${api}/rate?scope=overall&amp;days=30" show-interval></icr-rate>
<icr-leaderboard id="board" src="${api}/leaderboard?limit=5&amp;days=30" limit="5"></icr-leaderboard>
<icr-influencer-card id="card" src="${api}/rate?scope=influencer&amp;influencer=${encodeURIComponent(handle)}&amp;days=30"></icr-influencer-card>
<icr-trend id="trend" src="${api}/rate?scope=overall&amp;days=30"></icr-trend>
<icr-rate id="hidden" src="${api}/rate?scope=campaign&amp;campaign=spring-drop&amp;days=30"></icr-rate>
</main></body></html>`;
}

/** The text a widget renders in its shadow root, once it is no longer loading. */
async function widgetText(page: Page, id: string): Promise<string> {
  await page.waitForFunction(
    (selector) => {
      const text = document.querySelector(selector)?.shadowRoot?.textContent ?? "";
      return text.trim() !== "" && !text.includes("Loading");
    },
    `#${id}`,
    { timeout: 15_000 },
  );
  return page.evaluate((selector) => (document.querySelector(selector)?.shadowRoot?.textContent ?? "").replace(/\s+/g, " ").trim(), `#${id}`);
}

describe.skipIf(!hasChromium)("widgets on a CMS page, served by the app", () => {
  let demo: Demo;
  let browser: Browser;
  let cms: Server;
  let cmsUrl: string;
  let overall: RateAnswer;
  let board: LeaderboardAnswer;
  let card: RateAnswer;
  let handle: string;

  beforeAll(async () => {
    const support = await import("../support/demo-server.js");
    const previous = process.env.ICR_PUBLIC_RATE_LIMIT;
    process.env.ICR_PUBLIC_RATE_LIMIT = String(RATE_LIMIT);
    try {
      demo = await support.startDemoServer();
    } finally {
      if (previous === undefined) delete process.env.ICR_PUBLIC_RATE_LIMIT;
      else process.env.ICR_PUBLIC_RATE_LIMIT = previous;
    }
    browser = await support.launchChromium();
    const api = `${demo.url}/api/public/v1/${demo.shopPublicKey}`;
    board = (await (await fetch(`${api}/leaderboard?limit=5&days=30`)).json()) as LeaderboardAnswer;
    handle = board.influencers[0]?.handle ?? "";
    overall = (await (await fetch(`${api}/rate?scope=overall&days=30`)).json()) as RateAnswer;
    card = (await (await fetch(`${api}/rate?scope=influencer&influencer=${encodeURIComponent(handle)}&days=30`)).json()) as RateAnswer;
    const html = cmsPage(demo.url, demo.shopPublicKey, handle);
    cms = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    });
    await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve));
    cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}/creators`;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (cms ? cms.close(resolve) : resolve(null)));
    await demo?.stop();
  });

  it("shows the same numbers as the public API, loaded cross-origin from the app", async () => {
    expect(handle).not.toBe("");
    expect(overall.ratePct).not.toBeNull();
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on("pageerror", (e) => failures.push(e.message));
    await page.goto(cmsUrl);

    const rate = await widgetText(page, "rate");
    expect(rate).toContain(percent(overall.ratePct!));
    expect(rate).toContain(`${percent(overall.ci95Pct![0])} – ${percent(overall.ci95Pct![1])}`);

    const leaderboard = await widgetText(page, "board");
    const top = board.influencers[0]!;
    expect(leaderboard).toContain(top.name);
    expect(leaderboard).toContain(top.ratePct === null ? "–" : percent(top.ratePct));
    const rows = await page.evaluate(() => document.querySelector("#board")?.shadowRoot?.querySelectorAll("tbody tr").length ?? 0);
    expect(rows).toBe(board.influencers.length);

    const influencer = await widgetText(page, "card");
    expect(influencer).toContain(card.label);
    expect(influencer).toContain(count(card.clicks));
    expect(influencer).toContain(count(card.conversions));
    if (card.ratePct !== null) expect(influencer).toContain(percent(card.ratePct));

    await widgetText(page, "trend");
    const points = await page.evaluate(() => document.querySelector("#trend")?.shadowRoot?.querySelector("svg")?.getAttribute("aria-label") ?? "");
    expect(points).not.toBe("");
    expect(overall.trend).toHaveLength(30);

    expect(await widgetText(page, "hidden")).toContain("Not published.");
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "cms-widgets.png"), fullPage: true });
    expect(failures).toEqual([]);
    await page.close();
  });

  it("answers 404 not_published for a scope the merchant did not publish", async () => {
    const response = await fetch(`${demo.url}/api/public/v1/${demo.shopPublicKey}/rate?scope=campaign&campaign=spring-drop`);
    expect(response.status).toBe(404);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({ error: { code: "not_published", message: expect.any(String) } });
  });

  it("answers 429 with Retry-After once an address spends its requests", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < RATE_LIMIT + 5 && !limited; i++) {
      const response = await fetch(`${demo.url}/api/public/v1/${demo.shopPublicKey}/rate?days=30`);
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toMatchObject({ error: { code: "rate_limited" } });
  });
});
