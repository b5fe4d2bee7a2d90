/**
 * Demo mode serves the admin without authentication, so it must refuse to start where it could
 * open a real install: next to Shopify credentials, or in production, whether started through
 * `npm run demo` (demo/start.mjs) or through the production server with ICR_DEMO=1 set.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { APP_DIR } from "../support/demo-server";

const built = existsSync(join(APP_DIR, "build", "server", "index.js"));
if (!built && process.env.CI === "true") throw new Error("the app must be built for the demo refusal tests in CI");
if (!built) console.warn("\n*** SKIPPING demo refusal tests: the app is not built (npm run build -w @icr/shopify) ***\n");

function run(script: string, env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.SHOPIFY_API_KEY;
  delete clean.SHOPIFY_API_SECRET;
  delete clean.NODE_ENV;
  const result = spawnSync(process.execPath, [join(APP_DIR, script)], {
    cwd: APP_DIR,
    env: { ...clean, PORT: "0", HOST: "127.0.0.1", ICR_DEMO_DATA_DIR: join(APP_DIR, ".data", "refusal-never-used"), ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!built)("demo mode refuses to start where it could bypass authentication", () => {
  it.each([
    [{ SHOPIFY_API_KEY: "a-real-client-id" }, /SHOPIFY_API_KEY is set/],
    [{ SHOPIFY_API_SECRET: "a-real-secret" }, /SHOPIFY_API_SECRET is set/],
    [{ NODE_ENV: "production" }, /NODE_ENV is production/],
  ])("npm run demo with %j", (env, reason) => {
    const { status, output } = run("demo/start.mjs", env);
    expect(status).toBe(1);
    expect(output).toMatch(/ICR demo mode refuses to start/);
    expect(output).toMatch(reason);
    expect(output).not.toMatch(/ICR_DEMO_READY/);
  });

  it("the production server with ICR_DEMO=1 (npm start sets NODE_ENV=production)", () => {
    const { status, output } = run("server.mjs", { ICR_DEMO: "1", NODE_ENV: "production" });
    expect(status).not.toBe(0);
    expect(output).toMatch(/ICR demo mode refuses to start: NODE_ENV is production/);
    expect(output).not.toMatch(/listening/);
  });
});
