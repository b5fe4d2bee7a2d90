import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { ENTRIES } from "../scripts/bundle.js";

/** Shopify's suggested limit for a theme app extension script, gzipped (theme-check AssetSizeAppBlockJavaScript). */
const BUDGET = 10_000;

const gzipBytes = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

describe("bundle size", () => {
  const dir = inject("bundleDir");

  it(`keeps the all-in-one bundle of every widget within ${BUDGET} bytes gzipped`, async () => {
    const bytes = await readFile(join(dir, "icr-widgets.js"));
    expect(gzipBytes(bytes)).toBeLessThanOrEqual(BUDGET);
  });

  it("builds one self-contained file per widget, each within the budget", async () => {
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([...Object.keys(ENTRIES).map((name) => `${name}.js`), "icr-click-capture.js"].sort());
    for (const file of files) {
      const code = await readFile(join(dir, file), "utf8");
      expect(gzipBytes(Buffer.from(code)), file).toBeLessThanOrEqual(BUDGET);
      // Self-contained: nothing left to fetch (the page loads one file and is done).
      expect(code, file).not.toMatch(/\bimport\s*[\s{*"']|import\(/);
    }
  });

  it("registers only its own element in a per-widget file", async () => {
    const rate = await readFile(join(dir, "rate.js"), "utf8");
    expect(rate).toContain('"icr-rate"');
    expect(rate).not.toContain('"icr-leaderboard"');
    expect(rate).not.toContain("estimateRate");
  });

  it("keeps the click-capture script tiny and free of DOM writes", async () => {
    const code = await readFile(join(dir, "icr-click-capture.js"), "utf8");
    expect(gzipBytes(Buffer.from(code))).toBeLessThan(2_000);
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
