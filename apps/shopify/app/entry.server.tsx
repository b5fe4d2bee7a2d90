// Streams the HTML (bots get it whole) and adds the headers Shopify's admin embedding needs.
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "./db.server";
import { publicApiContext } from "./services/public-api-runtime.server";
import { servePublicHttp } from "./services/public-http.server";
import { redirectContext } from "./services/redirect-runtime.server";
import { startMaintenance } from "./services/scheduler.server";
import { serveShareLink } from "./services/share-link-http.server";
import { DEMO_SHOP_DOMAIN, assertDemoModeAllowed, isDemoMode } from "./services/demo-mode.server";
import { seedDemo, type DemoSeedResult } from "./services/demo-seed.server";
import { addDocumentResponseHeaders } from "./shopify.server";
import { onShutdown } from "./shutdown.server";

const STREAM_TIMEOUT_MS = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Outside Shopify's admin (demo mode) there is no embedding to allow and no Shopify config to read.
  if (!isDemoMode()) await addDocumentResponseHeaders(request, responseHeaders);
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [readyEvent]: () => {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError: reject,
      onError: (error: unknown) => {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, STREAM_TIMEOUT_MS + 1000);
  });
}

/**
 * For the production server (server.mjs): answers `/r/{slug}` straight from Node's request, before
 * Express and Remix, so a click costs a cache lookup and a 302.
 *
 * @example if (await handleShareLinkHttp(req, res)) return;
 * @returns false when the request is not a share link (nothing written).
 */
export async function handleShareLinkHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return serveShareLink(await redirectContext(), req, res);
}

/**
 * For the production server (server.mjs): answers the public metrics API (directly and through the
 * app proxy) and the widget bundles from Node's request, before Express and Remix.
 *
 * @example if (await handlePublicHttp(req, res)) return;
 * @returns false when the request is not a public endpoint (nothing written).
 */
export async function handlePublicHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return servePublicHttp(await publicApiContext(), req, res, {
    appProxySecret: process.env.SHOPIFY_API_SECRET ?? "",
    trustForwardedFor: process.env.ICR_TRUST_FORWARDED_FOR === "1",
  });
}

/**
 * Starts the periodic reconciliation of recent orders and the pruning of old webhook event ids.
 *
 * @example startBackgroundJobs();
 * @returns once the timers are set.
 */
export async function startBackgroundJobs(): Promise<void> {
  onShutdown(startMaintenance(await getDb()));
}

/**
 * For the servers (server.mjs, demo/start.mjs): refuses demo mode where it could bypass
 * authentication (Shopify credentials set, or NODE_ENV=production). Called at boot.
 *
 * @example checkDemoMode(process.env);
 * @returns nothing; throws an Error with what to change.
 */
export function checkDemoMode(env: Readonly<Record<string, string | undefined>>): void {
  assertDemoModeAllowed(env);
}

/**
 * For `npm run demo`: seeds the demo shop into the process's (empty) database.
 *
 * @example const seeded = await seedDemoShop(console.log);
 * @returns the seed's ids and counts, and the demo shop's domain.
 */
export async function seedDemoShop(log: (line: string) => void): Promise<DemoSeedResult & { shopDomain: string }> {
  const seeded = await seedDemo(await getDb(), { log });
  return { ...seeded, shopDomain: DEMO_SHOP_DOMAIN };
}
