// `npm run demo`: the admin app on PGlite with a freshly seeded demo shop, no Shopify account needed.
// Refuses to run where Shopify credentials are set or NODE_ENV is production (demo mode skips authentication).
// Env: PORT (default 3000; 0 = any free port), HOST, ICR_DEMO_DATA_DIR (default apps/shopify/.data/demo, emptied first;
// its own variable, so a data folder configured for the real app is never the one emptied).
import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(appDir, "build/server/index.js"))) {
  console.error("ICR demo: the app is not built. Run `npm run demo` from the repository root (it builds first).");
  process.exit(1);
}

const started = performance.now();
process.env.ICR_DEMO = "1";
// Refuse before touching anything: demo mode skips authentication.
const build = await import("../build/server/index.js");
try {
  build.entry.module.checkDemoMode(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
// The demo always runs on its own embedded database, never on a configured server.
delete process.env.DATABASE_URL;
const dataDir = process.env.ICR_DEMO_DATA_DIR || join(appDir, ".data/demo");
rmSync(dataDir, { recursive: true, force: true });
process.env.ICR_DATA_DIR = dataDir;
const { startServer } = await import("../server.mjs");

console.log("ICR demo: seeding the demo shop through the real ingestion pipeline…");
const seeded = await build.entry.module.seedDemoShop((line) => console.log(`  ${line}`));
const { url } = await startServer();
const portalUrl = new URL(seeded.portalPath, url).toString();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`
ICR demo ready in ${seconds} s (data in ${dataDir})
  Admin dashboard      ${url}/app
  Influencer page      ${url}/app/influencers/${seeded.portalInfluencerId}
  Influencer portal    ${portalUrl}
  Public metrics API   ${url}/api/public/v1/${seeded.shopPublicKey}/rate
Press Ctrl+C to stop.`);
// One machine-readable line for test/support/demo-server.ts.
console.log(`ICR_DEMO_READY ${JSON.stringify({ url, portalUrl, shopPublicKey: seeded.shopPublicKey, influencerId: seeded.portalInfluencerId })}`);
