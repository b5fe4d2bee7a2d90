// Production server (`npm start`): share links, then the public API and widget bundles, answered by the first middleware from Node's request (no
// Remix, no body parsing on that path), then static assets, then the Remix app. Run `npm run build` first.
// `demo/start.mjs` starts the same server in demo mode (after seeding), through `startServer`.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const here = dirname(fileURLToPath(import.meta.url));
const build = await import("./build/server/index.js");
const { checkDemoMode, handlePublicHttp, handleShareLinkHttp, startBackgroundJobs } = build.entry.module;

/**
 * Starts the app on `port` (0: any free port) and `host`, and the background jobs.
 * Resolves with the URL it serves once it listens.
 */
export async function startServer({ port = Number(process.env.PORT || 3000), host = process.env.HOST || undefined } = {}) {
  // Demo mode serves the admin without authentication: never where Shopify credentials are set, never in production.
  checkDemoMode(process.env);
  const app = express();
  app.disable("x-powered-by");
  app.use(async (req, res, next) => {
    try {
      if (!(await handleShareLinkHttp(req, res)) && !(await handlePublicHttp(req, res))) next();
    } catch (error) {
      next(error);
    }
  });
  app.use("/assets", express.static(join(here, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(join(here, "build/client"), { maxAge: "1h" }));
  // clientAddress: the address portal token lookups are rate-limited by (Express's req.ip, which follows its `trust proxy` setting).
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req) => ({ clientAddress: req.ip ?? "" }) }));

  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening)).on("error", reject);
  });
  const address = server.address();
  const url = `http://${host && host !== "0.0.0.0" ? host : "localhost"}:${address.port}`;
  await startBackgroundJobs();
  return { server, url };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startServer();
  console.log(`ICR listening on ${url}`);
}
