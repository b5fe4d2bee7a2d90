/**
 * Share links through the production server (`server.mjs`, which `npm run demo` starts; it answers
 * `/r/{slug}` from Node's request before Express, and the app's Remix route serves the same under
 * `shopify app dev`): a 302 carrying a fresh `icr_click`, the friendly 404 page for an unknown
 * slug, and every other path still reaching the app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsUnavailable, startDemoServer, type DemoServer } from "../support/demo-server";

const skip = browserTestsUnavailable() !== null;
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe.skipIf(skip)("share links on the production server", () => {
  let demo: DemoServer;
  let slug: string;

  beforeAll(async () => {
    demo = await startDemoServer();
    // The demo's slugs are chosen by the roster service; the links page lists them.
    const links = await (await fetch(`${demo.url}/app/links`)).text();
    const found = /\/r\/([A-Za-z0-9][A-Za-z0-9_-]*)/.exec(links)?.[1];
    if (!found) throw new Error("the demo's links page lists no share link");
    slug = found;
  }, 240_000);
  afterAll(async () => {
    await demo?.stop();
  });

  it("answers a share link with a 302 and a fresh click id each time", async () => {
    const answers = await Promise.all(
      [1, 2].map(() => fetch(`${demo.url}/r/${slug}`, { redirect: "manual", headers: { "user-agent": IPHONE } })),
    );
    const clickIds = answers.map((answer) => {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("cache-control")).toContain("no-store");
      const location = new URL(answer.headers.get("location") ?? "");
      expect(location.searchParams.get("utm_medium")).toBeTruthy();
      return location.searchParams.get("icr_click");
    });
    expect(clickIds[0]).toMatch(/^c[A-Za-z0-9_-]{16}$/);
    expect(clickIds[1]).not.toBe(clickIds[0]);
  });

  it("answers an unknown slug with the friendly 404 page, and leaves other paths to the app", async () => {
    const missing = await fetch(`${demo.url}/r/no-such-link`, { redirect: "manual" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("text/html");
    expect(await missing.text()).toMatch(/link/i);
    const admin = await fetch(`${demo.url}/app/links`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain(`/r/${slug}`);
  });
});
