// Production server (`npm start`): share links, then the public API and widget bundles, answered from Node's request before Express
// (no router, no body parsing on those paths: the same path `npm run bench` measures), then static assets, then the Remix app.
// Run `npm run build` first.
// `demo/start.mjs` starts the same server in demo mode (after seeding), through `startServer`.
import { createServer } from "node:http";
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
  app.use("/assets", express.static(join(here, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(join(here, "build/client"), { maxAge: "1h" }));
  // clientAddress: the address portal token lookups are rate-limited by (Express's req.ip, which follows its `trust proxy` setting).
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req) => ({ clientAddress: req.ip ?? "" }) }));

  const server = createServer((req, res) => {
    handleBeforeExpress(req, res).then(
      (handled) => handled || app(req, res),
      (error) => {
        console.error("request failed", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("Something went wrong.");
      },
    );
  });
  await new Promise((resolve, reject) => server.listen(port, host, resolve).once("error", reject));
  const address = server.address();
  const url = `http://${host && host !== "0.0.0.0" ? host : "localhost"}:${address.port}`;
  await startBackgroundJobs();
  return { server, url };
}

async function handleBeforeExpress(req, res) {
  return (await handleShareLinkHttp(req, res)) || (await handlePublicHttp(req, res));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startServer();
  console.log(`ICR listening on ${url}`);
}
