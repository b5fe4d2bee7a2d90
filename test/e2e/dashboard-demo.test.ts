/**
 * The admin in a real browser, on the demo (`npm run demo`'s seeded shop): the dashboard shows the
 * seeded numbers and they equal the public metrics API's; changing the date range, goal and
 * segment changes them consistently with the API and with the page's own loader; creating an
 * influencer and a share link works (the link redirects with its UTM parameters); an attribution
 * receipt opens; axe-core finds no serious or critical violations on the dashboard, an influencer
 * page and the settings. Screenshots go to test/screenshots/ (and the README's to docs/screenshots/).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOT_DIR, browserTestsUnavailable, launchChromium, readmeScreenshot, startDemoServer, type DemoServer } from "../support/demo-server";

const skip = browserTestsUnavailable() !== null;

interface PublicRate {
  clicks: number;
  conversions: number;
  ratePct: number | null;
  ci95Pct: [number, number] | null;
}

describe.skipIf(skip)("admin dashboard in demo mode (chromium)", () => {
  let demo: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    // axe-core/playwright needs a page from an explicit context.
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  const publicRate = async (query: string): Promise<PublicRate> => {
    const response = await fetch(`${demo.url}/api/public/v1/${demo.shopPublicKey}/rate?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as PublicRate;
  };
  const text = async (selector: string) => (await page.locator(selector).first().textContent())?.trim() ?? "";
  const count = (s: string) => Number(s.replace(/,/g, ""));
  const open = async (path: string) => {
    await page.goto(`${demo.url}${path}`, { waitUntil: "networkidle" });
  };

  it("loads the dashboard with the seeded numbers, equal to the public API's", async () => {
    await open("/app");
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    const api = await publicRate("days=30&goal=purchase");
    expect(api.conversions).toBeGreaterThan(50);
    expect(count(await text("#overall-conversions"))).toBe(api.conversions);
    expect(count(await text("#overall-denominator"))).toBe(api.clicks);
    expect(await text("#overall-rate")).toBe(`${api.ratePct!.toFixed(2)}%`);
    await expect.poll(() => page.locator("svg").count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "dashboard.png"), fullPage: true });
    await page.screenshot({ path: readmeScreenshot("dashboard.png") });
  });

  it("changes the numbers consistently with the API when the range, goal and segment change", async () => {
    await open("/app");
    await page.getByLabel("Date range").selectOption("7");
    await page.waitForURL(/range=7/);
    const week = await publicRate("days=7&goal=purchase");
    // The URL changes a render before the new numbers are on screen: poll.
    await expect.poll(async () => count(await text("#overall-conversions"))).toBe(week.conversions);
    expect(count(await text("#overall-denominator"))).toBe(week.clicks);

    await page.getByLabel("Goal").selectOption("signup");
    await page.waitForURL(/goal=signup/);
    await page.getByLabel("Break down by").selectOption("country");
    await page.waitForURL(/segment=country/);
    const signups = await publicRate("days=7&goal=signup");
    await expect.poll(() => text("#segment-heading")).toBe("By country");
    expect(count(await text("#overall-conversions"))).toBe(signups.conversions);

    // The segment table is the loader's segment breakdown, and the countries add up to the total.
    const data = (await (await fetch(`${demo.url}/app?range=7&goal=signup&segment=country&denominator=clicks&_data=routes%2Fapp._index`)).json()) as {
      data: { overall: { conversions: number }; segment: { label: string; conversions: number }[] };
    };
    expect(data.data.segment.reduce((sum, g) => sum + g.conversions, 0)).toBe(data.data.overall.conversions);
    const rows = page.locator("table").nth(2).locator("tbody tr");
    expect(await rows.count()).toBe(data.data.segment.length);
    expect((await rows.first().locator("th, td").first().textContent())?.trim()).toBe(data.data.segment[0]?.label);
  });

  it("creates an influencer and a share link that redirects with its UTM parameters", async () => {
    await open("/app/influencers");
    await page.getByLabel("Handle").fill("newcreator");
    await page.getByLabel("Name", { exact: true }).fill("New Creator");
    await page.getByRole("button", { name: "Add influencer" }).click();
    await page.getByText("Added newcreator").waitFor();

    await open("/app/links");
    await page.getByLabel("Influencer").selectOption({ label: "New Creator" });
    await page.getByLabel("Destination").fill("https://icr-demo.example/products/8101");
    await page.getByLabel("Platform (utm_source)").selectOption("tiktok");
    await expect.poll(() => text("#utm-preview")).toContain("utm_content=newcreator");
    expect(await text("#utm-preview")).toContain("utm_source=tiktok");
    await page.getByRole("button", { name: "Create link" }).click();
    await page.getByText("Link created").waitFor();
    const shareUrl = await text("#new-link-url");
    expect(shareUrl).toMatch(/\/r\/newcreator-tiktok-[a-z0-9]+$/);

    const redirect = await fetch(shareUrl.replace(/^https?:\/\/[^/]+/, demo.url), { redirect: "manual", headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0" } });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get("location") ?? "");
    expect(location.searchParams.get("utm_content")).toBe("newcreator");
    expect(location.searchParams.get("icr_click")).toBeTruthy();
  });

  it("opens an attribution receipt on the influencer page", async () => {
    await open(`/app/influencers/${demo.influencerId}?range=90`);
    const first = page.getByRole("button", { name: /Show receipt for order/ }).first();
    await first.click();
    const receipt = page.locator("[id^=receipt-]").first();
    await receipt.getByText("Evidence that won:").waitFor();
    expect(await receipt.textContent()).toMatch(/Credited to lenabakes|Excluded|Not attributed/);
    expect(await receipt.textContent()).toContain("Window: link and UTM evidence counts up to 30 days");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "influencer.png"), fullPage: true });
    await page.screenshot({ path: readmeScreenshot("influencer.png") });
  });

  it("compares two influencers in plain words", async () => {
    await open(`/app/influencers/${demo.influencerId}?range=90`);
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/compare=/);
    expect(await text("#compare-verdict")).toMatch(/converts|No data|evidence|difference/i);
  });

  it.each([
    ["dashboard", "/app"],
    ["influencer page", "INFLUENCER"],
    ["settings", "/app/settings"],
  ])("has no serious or critical accessibility violations on the %s", async (name, path) => {
    await open(path === "INFLUENCER" ? `/app/influencers/${demo.influencerId}` : path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
    if (name === "settings") await page.screenshot({ path: join(SCREENSHOT_DIR, "settings.png"), fullPage: true });
  });
});
