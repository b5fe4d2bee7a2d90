/**
 * Where the browser tests find Chromium: Debian's package, never a downloaded browser. Under CI the
 * tests must run, so a missing browser fails the run; elsewhere they are skipped, loudly.
 */
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.ICR_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

if (!HAS_CHROMIUM) {
  const message = `${CHROMIUM_PATH} not found: the widget browser tests need Debian's chromium (apt-get install chromium)`;
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`\n!!! ${message}. SKIPPING every browser test. !!!\n`);
}
