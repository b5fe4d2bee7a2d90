/**
 * Browser-test support: a demo server per test file (fresh PGlite data folder in a temp dir,
 * seeded, on a free loopback port) and Debian's chromium through playwright-core.
 *
 * Needs the app built (`npm run build -w @icr/shopify`; `npm test` at the root builds it first).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const APP_DIR = join(here, "..", "..", "apps", "shopify");
export const CHROMIUM_PATH = process.env.ICR_CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = join(here, "..", "screenshots");
/** The README's screenshots, rewritten only on request (`npm run screenshots`), so a test run leaves the tree clean. */
const README_SCREENSHOT_DIR = join(here, "..", "..", "docs", "screenshots");

/**
 * Where a screenshot the README shows goes: docs/screenshots/ when ICR_README_SCREENSHOTS=1,
 * else in test/screenshots/readme/ (gitignored).
 *
 * @example await page.screenshot({ path: readmeScreenshot("dashboard.png") });
 * @returns an absolute path whose folder exists.
 */
export function readmeScreenshot(name: string): string {
  const dir = process.env.ICR_README_SCREENSHOTS === "1" ? README_SCREENSHOT_DIR : join(SCREENSHOT_DIR, "readme");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export interface DemoServer {
  /** Origin of the server, e.g. http://127.0.0.1:41234 (admin pages under /app). */
  url: string;
  shopPublicKey: string;
  /** The seeded influencer's portal link (absolute). */
  portalUrl: string;
  /** Id of that influencer (its admin page is /app/influencers/{id}). */
  influencerId: string;
  stop(): Promise<void>;
}

/**
 * Whether browser tests can run here. In CI (`CI=true`) a missing chromium or app build is an
 * error, never a skip; elsewhere the caller skips loudly.
 *
 * @example const skip = browserTestsUnavailable(); describe.skipIf(skip)(…)
 * @returns null when everything is there, else the reason (after printing it).
 */
export function browserTestsUnavailable(): string | null {
  const missing = !existsSync(CHROMIUM_PATH)
    ? `chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`
    : !existsSync(join(APP_DIR, "build", "server", "index.js"))
      ? "the app is not built (npm run build -w @icr/shopify)"
      : null;
  if (missing === null) return null;
  if (process.env.CI === "true") throw new Error(`browser tests must run in CI: ${missing}`);
  console.warn(`\n*** SKIPPING browser tests: ${missing} ***\n`);
  return missing;
}

/**
 * Starts the demo (seeded from scratch) on a free port of 127.0.0.1.
 *
 * @example const demo = await startDemoServer(); … await demo.stop();
 * @returns once the server answers; rejects with the server's output when it exits or takes over 90 s.
 */
export async function startDemoServer(options: { port?: number; dataDir?: string } = {}): Promise<DemoServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "icr-demo-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port ?? 0), HOST: "127.0.0.1", ICR_DEMO_DATA_DIR: dataDir, NODE_ENV: "development" };
  // The demo refuses to start next to Shopify credentials; tests never pass them on.
  delete env.SHOPIFY_API_KEY;
  delete env.SHOPIFY_API_SECRET;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(APP_DIR, "demo", "start.mjs")], { cwd: APP_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const ready = await new Promise<{ url: string; portalUrl: string; shopPublicKey: string; influencerId: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error("demo server not ready after 90 s")), 90_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n--- demo output ---\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("ICR_DEMO_READY "));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice("ICR_DEMO_READY ".length)) as { url: string; portalUrl: string; shopPublicKey: string; influencerId: string });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => fail(new Error(`demo server exited with code ${String(code)}`)));
  });
  return {
    ...ready,
    stop: async () => {
      await stopChild(child);
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Debian's chromium, headless, through playwright-core (never a downloaded browser).
 *
 * @example const browser = await launchChromium(); const page = await browser.newPage();
 * @returns the browser; close it when done.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
}
