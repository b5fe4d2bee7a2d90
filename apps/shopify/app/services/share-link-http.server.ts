/**
 * The redirect on a bare Node `http` server: the production server routes `/r/*` here before
 * Remix, so a click costs a cache lookup, an HMAC and a 302, with no framework in between.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  NOT_FOUND_HTML,
  REDIRECT_HEADERS,
  shareLinkRedirect,
  shareLinkRedirectCached,
  type RedirectAnswer,
  type RedirectContext,
  type ShareLinkHit,
} from "./share-link-redirect.server";

/**
 * Answers `GET|HEAD /r/{slug}` on a Node request.
 *
 * @example http.createServer((req, res) => { if (!serveShareLink(ctx, req, res)) remix(req, res); });
 * @returns false (and writes nothing) when the path is not `/r/{slug}`; true when it answered.
 */
export function serveShareLink(ctx: RedirectContext, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  if (!url.startsWith("/r/")) return false;
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const end = url.search(/[?#]/);
  const slug = decodeURIComponentSafe(url.slice(3, end < 0 ? undefined : end));
  const hit: ShareLinkHit = {
    slug,
    method: req.method,
    userAgent: req.headers["user-agent"] ?? "",
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    },
    ...(req.socket.remoteAddress ? { socketAddress: req.socket.remoteAddress } : {}),
    viaAppProxy: false,
  };
  // Cached slug (the usual case): answered in this tick, no promise.
  const cached = shareLinkRedirectCached(ctx, hit);
  if (cached) {
    send(req, res, cached);
    return true;
  }
  shareLinkRedirect(ctx, hit).then(
    (answer) => send(req, res, answer),
    (error: unknown) => {
      console.error("share link redirect failed", error);
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("Something went wrong.");
    },
  );
  return true;
}

function send(req: IncomingMessage, res: ServerResponse, answer: RedirectAnswer): void {
  if (answer.status === 302) {
    // A flat [name, value, …] list: Node writes it without building a headers object.
    res.writeHead(302, [
      "cache-control", REDIRECT_HEADERS["cache-control"],
      "x-robots-tag", REDIRECT_HEADERS["x-robots-tag"],
      "referrer-policy", REDIRECT_HEADERS["referrer-policy"],
      "location", answer.location,
      "content-length", "0",
    ]);
    res.end();
  } else {
    res.writeHead(404, { ...REDIRECT_HEADERS, "content-type": "text/html; charset=utf-8" });
    res.end(req.method === "HEAD" ? undefined : NOT_FOUND_HTML);
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}
