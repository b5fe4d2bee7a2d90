/**
 * The public endpoints on a bare Node `http` request, for the production server to answer before
 * Express and Remix (as it does for share links): `GET /api/public/v1/{key}/{endpoint}`, the same
 * through the app proxy (`/proxy/api/public/v1/…`, signature verified), and `/widgets/{file}.js`.
 * The Remix routes answer the same paths in development (`remix vite:dev`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyAppProxySignature } from "./app-proxy.server";
import { answerPublicApi, type PublicApiContext } from "./public-api.server";
import { widgetFileResponse } from "./public-widget-bundle.server";

const API = /^\/api\/public\/v1\/([^/?#]*)\/([^/?#]*)$/;
const PROXY_API = /^\/proxy\/api\/public\/v1\/([^/?#]*)\/([^/?#]*)$/;
const WIDGET = /^\/widgets\/([a-z-]+\.js)$/;

export interface PublicHttpOptions {
  /** The app secret that signs app-proxy requests; proxied requests are refused without it. */
  appProxySecret: string;
  /**
   * Read the client address from the first `X-Forwarded-For` entry on direct requests (only behind
   * a proxy that sets it). App-proxy requests always use it: Shopify puts the visitor's IP there.
   */
  trustForwardedFor: boolean;
}

/**
 * The address a request's rate limit counts against.
 *
 * @example clientAddress({ forwardedFor: "203.0.113.7, 10.0.0.1", socketAddress: "10.0.0.2", useForwarded: true }); // "203.0.113.7"
 * @returns the first forwarded address when asked and present, else the socket address, else "unknown".
 */
export function clientAddress(input: { forwardedFor?: string | null; socketAddress?: string | null; useForwarded: boolean }): string {
  const forwarded = input.useForwarded ? input.forwardedFor?.split(",")[0]?.trim() : undefined;
  return forwarded || input.socketAddress || "unknown";
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * Answers a public endpoint from Node's request.
 *
 * @example http.createServer((req, res) => { if (!servePublicHttp(ctx, req, res, options)) next(); });
 * @returns false (and writes nothing) when the path is not a public endpoint; true when it answers.
 */
export function servePublicHttp(ctx: PublicApiContext, req: IncomingMessage, res: ServerResponse, options: PublicHttpOptions): boolean {
  const url = req.url ?? "";
  const queryAt = url.indexOf("?");
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? "" : url.slice(queryAt + 1));
  const method = req.method ?? "GET";

  const widget = WIDGET.exec(path);
  if (widget) {
    if (method !== "GET" && method !== "HEAD") return false;
    widgetFileResponse(widget[1]!, header(req, "if-none-match")).then(
      (answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(method === "HEAD" ? undefined : (answer.body ?? undefined));
      },
      (error: unknown) => fail(res, error),
    );
    return true;
  }

  const direct = API.exec(path);
  const proxied = direct ? null : PROXY_API.exec(path);
  const match = direct ?? proxied;
  if (!match) return false;
  if (proxied && !verifyAppProxySignature(query, options.appProxySecret, Date.now())) {
    res.writeHead(401, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code: "bad_request", message: "Invalid app proxy signature." } }));
    return true;
  }
  const shopDomain = proxied ? query.get("shop") ?? "" : undefined;
  answerPublicApi(ctx, {
    method,
    shopKey: decode(match[1]!) ?? "",
    endpoint: decode(match[2]!) ?? "",
    query,
    clientAddress: clientAddress({
      forwardedFor: header(req, "x-forwarded-for"),
      socketAddress: req.socket.remoteAddress ?? null,
      useForwarded: proxied !== null || options.trustForwardedFor,
    }),
    ifNoneMatch: header(req, "if-none-match"),
    ...(shopDomain !== undefined ? { proxiedShopDomain: shopDomain } : {}),
  }).then(
    (answer) => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? undefined);
    },
    (error: unknown) => fail(res, error),
  );
  return true;
}

function fail(res: ServerResponse, error: unknown): void {
  console.error("public endpoint failed", error);
  if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8", "access-control-allow-origin": "*" });
  res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong." } }));
}
