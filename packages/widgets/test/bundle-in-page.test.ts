import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM } from "./chromium.js";
import { serve, type Served } from "./serve.js";

const RATE = { label: "Alice Rivera", ratePct: 5, ci95Pct: [3.81, 6.53], clicks: 1000, conversions: 50 };

/** A CMS page that includes the widgets twice (a snippet and a theme block) plus a per-widget file. */
const PAGE = `<!doctype html><html lang="en"><head>
<script type="module" src="/cdn/icr-widgets.js"></script>
<script type="module" src="/theme/icr-widgets.js?v=2"></script>
<script type="module" src="/cdn/rate.js"></script>
</head><body>
<icr-rate show-interval data='${JSON.stringify(RATE)}'></icr-rate>
<icr-leaderboard data='{"influencers":[{"handle":"bob","name":"<img src=x onerror=\\"window.pwned=1\\">","ratePct":4}]}'></icr-leaderboard>
<icr-influencer-card data='${JSON.stringify(RATE)}'></icr-influencer-card>
<icr-trend data='{"ratePct":1,"trend":[{"day":"2026-11-01","ratePct":1}]}'></icr-trend>
<icr-calculator clicks="1000" conversions="50"></icr-calculator>
</body></html>`;

describe.skipIf(!HAS_CHROMIUM)("the built bundle on a page", () => {
  let browser: Browser;
  let server: Served;

  beforeAll(async () => {
    const dir = inject("bundleDir");
    server = await serve(async (req, res) => {
      const path = new URL(req.url!, "http://x").pathname;
      if (path.endsWith(".js")) {
        res.setHeader("content-type", "text/javascript");
        res.end(await readFile(join(dir, path.split("/").pop()!)));
      } else {
        res.setHeader("content-type", "text/html");
        res.end(PAGE);
      }
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("defines all five elements once, without errors, when loaded twice and alongside a per-widget file", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => (m.type() === "error" || m.type() === "warning") && problems.push(m.text()));
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => document.querySelector("icr-calculator")?.shadowRoot?.querySelector('[part~="value"]'));
    const shown = await page.evaluate(() =>
      ["icr-rate", "icr-leaderboard", "icr-influencer-card", "icr-trend", "icr-calculator"].map((tag) => ({
        tag,
        defined: customElements.get(tag) !== undefined,
        text: document.querySelector(tag)!.shadowRoot!.textContent!.replace(/\s+/g, " ").trim(),
      })),
    );
    expect(problems).toEqual([]);
    expect(shown.every((s) => s.defined)).toBe(true);
    expect(shown[0]!.text).toBe("Alice Rivera 5% 95% interval 3.81% – 6.53% 50 conversions / 1,000 clicks");
    expect(shown[1]!.text).toContain('<img src=x onerror="window.pwned=1">');
    expect(shown[4]!.text).toContain("95% interval 3.81% – 6.53%");
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });
});
