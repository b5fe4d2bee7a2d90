/**
 * The influencer portal in a real browser, on the demo (`npm run demo`'s seeded shop): the printed
 * portal link opens the seeded influencer's portal, the token leaves the address bar, the numbers
 * equal what the admin and the public API show for that influencer, and nothing in the page
 * belongs to a customer or another influencer. Mobile viewport, axe accessibility checks.
 */
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SCREENSHOT_DIR,
  browserTestsUnavailable,
  launchChromium,
  readmeScreenshot,
  startDemoServer,
  type DemoServer,
} from "../support/demo-server";

const PHONE = { width: 390, height: 844 };
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const skip = browserTestsUnavailable() !== null;

interface RateAnswer {
  clicks: number;
  conversions: number;
  ratePct: number | null;
  ci95Pct: [number, number] | null;
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? "").trim();
}

describe.skipIf(skip)("influencer portal on the demo", () => {
  let demo: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    page = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.stop();
  });

  it("opens the printed portal link and takes the token out of the address bar", async () => {
    expect(demo.portalUrl).toMatch(/\/portal\/[A-Za-z0-9_-]{43}$/);
    const response = await page.goto(demo.portalUrl);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/portal");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBeTruthy();
    // The session survives a reload (the cookie, not the token, carries it).
    await page.reload();
    expect(new URL(page.url()).pathname).toBe("/portal");
    expect(await text(page, "handle")).toMatch(/^@/);
  });

  it("shows the seeded influencer's numbers, equal to what the public API and the admin show for them", async () => {
    const handle = (await text(page, "handle")).slice(1);
    const clicks = Number(await text(page, "clicks"));
    const conversions = Number(await text(page, "conversions"));
    const rate = await text(page, "rate");
    expect(clicks).toBeGreaterThan(0);
    expect(conversions).toBeGreaterThan(0);

    const api = await fetch(`${demo.url}/api/public/v1/${demo.shopPublicKey}/rate?scope=influencer&influencer=${handle}&days=30`);
    if (api.status === 200) {
      const body = (await api.json()) as RateAnswer;
      expect({ clicks, conversions, rate }).toEqual({ clicks: body.clicks, conversions: body.conversions, rate: body.ratePct === null ? "No data yet" : `${body.ratePct}%` });
      expect(await text(page, "interval")).toBe(body.ci95Pct ? `${body.ci95Pct[0]}–${body.ci95Pct[1]}%` : "—");
    } else {
      expect(api.status).toBe(404); // not published: the admin comparison below still holds
    }

    // The admin's influencer page (the demo names the portal's influencer) or, failing that, the roster.
    const admin = await context.newPage();
    try {
      await admin.goto(`${demo.url}/app/influencers/${demo.influencerId}`);
      const shown = ((await admin.locator("body").textContent()) ?? "").replace(/\s+/g, " ");
      expect(shown).toContain(rate);
      expect(shown).toMatch(new RegExp(`(^|\\D)${clicks.toLocaleString("en-US").replace(/,/g, ",?")}(\\D|$)`));
    } finally {
      await admin.close();
    }
  });

  it("carries no customer data and no other influencer's handle or figures", async () => {
    const html = await page.content();
    expect(html).not.toMatch(EMAIL);
    const handle = (await text(page, "handle")).slice(1);
    const board = await fetch(`${demo.url}/api/public/v1/${demo.shopPublicKey}/leaderboard?limit=50&days=365`);
    const others = board.ok ? ((await board.json()) as { influencers: { handle: string; name: string }[] }).influencers.filter((i) => i.handle !== handle) : [];
    for (const other of others) {
      expect(html, other.handle).not.toMatch(new RegExp(`\\b${other.handle}\\b`, "i"));
      expect(html, other.name).not.toContain(other.name);
    }
  });

  it("is built for phones: no sideways scrolling, and no accessibility violations", async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "portal-phone.png"), fullPage: true });
    await page.screenshot({ path: readmeScreenshot("portal-phone.png") });
  });

  it("refuses a tampered link with the same page as any bad link, and signs out", async () => {
    const token = demo.portalUrl.split("/").pop() ?? "";
    const tampered = demo.portalUrl.slice(0, -token.length) + (token[0] === "A" ? "B" : "A") + token.slice(1);
    const fresh = await browser.newContext({ viewport: PHONE });
    try {
      const other = await fresh.newPage();
      const response = await other.goto(tampered);
      expect(response?.status()).toBe(404);
      await expect(other.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("This portal link does not work");
    } finally {
      await fresh.close();
    }
    await page.getByRole("button", { name: "Sign out of this device" }).click();
    await page.waitForURL(/\/portal$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Open your portal link");
  });
});
