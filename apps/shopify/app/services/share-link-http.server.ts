/**
 * The redirect on a bare Node `http` server: the production server routes `/r/*` here before
 * Remix, so a click costs a cache lookup, an HMAC and a 302, with no framework in between.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { NOT_FOUND_HTML, REDIRECT_HEADERS, shareLinkRedirect, type RedirectContext } from "./share-link-redirect.server";

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
  shareLinkRedirect(ctx, {
    slug,
    method: req.method,
    userAgent: req.headers["user-agent"] ?? "",
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    },
    ...(req.socket.remoteAddress ? { socketAddress: req.socket.remoteAddress } : {}),
    viaAppProxy: false,
  }).then(
    (answer) => {
      if (answer.status === 302) {
        res.writeHead(302, { ...REDIRECT_HEADERS, location: answer.location, "content-length": "0" });
        res.end();
      } else {
        res.writeHead(404, { ...REDIRECT_HEADERS, "content-type": "text/html; charset=utf-8" });
        res.end(req.method === "HEAD" ? undefined : NOT_FOUND_HTML);
      }
    },
    (error: unknown) => {
      console.error("share link redirect failed", error);
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("Something went wrong.");
    },
  );
  return true;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}
