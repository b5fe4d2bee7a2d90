// @ts-check
/**
 * `npm run bench`: builds the bundles (into a temporary folder, like the tests) and prints one JSON
 * object per benchmark: the all-in-one widget bundle with each per-widget file, and the storefront
 * click-capture script, raw and gzipped (zlib level 9) against Shopify's 10,000-byte budget.
 * Exits with 1 when a file is over budget.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CLICK_CAPTURE, ENTRIES, bundleAll } from "../scripts/bundle.js";

const BUDGET = 10_000;
const dir = await mkdtemp(join(tmpdir(), "icr-widgets-bench-"));
try {
  await bundleAll(dir);
  /** @param {string} name */
  const measure = async (name) => {
    const bytes = await readFile(join(dir, `${name}.js`));
    return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  };

  const [all, ...widgets] = Object.keys(ENTRIES);
  const bundle = await measure(/** @type {string} */ (all));
  /** @type {Record<string, { rawBytes: number; gzipBytes: number }>} */
  const perWidget = {};
  for (const name of widgets) perWidget[name] = await measure(name);
  const bundlePass = [bundle, ...Object.values(perWidget)].every((m) => m.gzipBytes <= BUDGET);
  console.log(JSON.stringify({ bench: "widgets-bundle", ...bundle, budgetGzipBytes: BUDGET, perWidget, pass: bundlePass }));

  const capture = await measure(CLICK_CAPTURE.name);
  const capturePass = capture.gzipBytes <= BUDGET;
  console.log(JSON.stringify({ bench: "click-capture-script", ...capture, budgetGzipBytes: BUDGET, pass: capturePass }));

  if (!bundlePass || !capturePass) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
