/**
 * The widget bundles (`@icr/widgets`' built files) served from the app, so a CMS page or any site
 * can load `{app}/widgets/icr-widgets.js` with a plain `<script type="module">`. Files are read once
 * and kept in memory with their ETag; only the built entry points can be asked for.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The built entry points: the all-in-one bundle and one per widget. */
export const WIDGET_FILES: ReadonlySet<string> = new Set([
  "icr-widgets.js",
  "rate.js",
  "leaderboard.js",
  "influencer-card.js",
  "trend.js",
  "calculator.js",
]);

/** A day fresh, then a week served while the browser checks the ETag: the file name is not versioned. */
export const WIDGET_CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=604800";

export interface WidgetFile {
  body: Buffer;
  etag: string;
}

/**
 * Where the built widgets are: `ICR_WIDGETS_DIR`, or `@icr/widgets`' dist folder.
 *
 * @example widgetsDirectory(); // "/…/packages/widgets/dist"
 * @returns an absolute folder path (it may not exist before `npm run build`).
 */
export function widgetsDirectory(): string {
  if (process.env.ICR_WIDGETS_DIR) return process.env.ICR_WIDGETS_DIR;
  return dirname(createRequire(import.meta.url).resolve("@icr/widgets"));
}

const loaded = new Map<string, Promise<WidgetFile | null>>();

/**
 * One built widget file, read once.
 *
 * @example const file = await loadWidgetFile("icr-widgets.js");
 * @returns the bytes and a strong ETag; null for a name outside WIDGET_FILES or a file not built.
 */
export function loadWidgetFile(name: string, directory = widgetsDirectory()): Promise<WidgetFile | null> {
  if (!WIDGET_FILES.has(name)) return Promise.resolve(null);
  const path = join(directory, name);
  let file = loaded.get(path);
  if (!file) {
    file = readFile(path).then(
      (body) => ({ body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` }),
      () => null,
    );
    loaded.set(path, file);
    // A missing build is not remembered: the next request looks again.
    void file.then((found) => found === null && loaded.delete(path));
  }
  return file;
}

export interface WidgetResponse {
  status: 200 | 304 | 404;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

/**
 * The HTTP answer for `GET /widgets/{name}`: JavaScript with CORS, a long cache and an ETag.
 *
 * @example const answer = await widgetFileResponse("icr-widgets.js", request.headers.get("if-none-match"));
 * @returns 200 with the file, 304 when the ETag matches, 404 (plain text) for anything else.
 */
export async function widgetFileResponse(name: string, ifNoneMatch: string | null, directory?: string): Promise<WidgetResponse> {
  const file = await loadWidgetFile(name, directory);
  if (!file) {
    return { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "access-control-allow-origin": "*" }, body: "Not found." };
  }
  const headers = {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": WIDGET_CACHE_CONTROL,
    etag: file.etag,
    "access-control-allow-origin": "*",
    "cross-origin-resource-policy": "cross-origin",
    "x-content-type-options": "nosniff",
  };
  const matched = ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === file.etag) ?? false;
  return matched ? { status: 304, headers, body: null } : { status: 200, headers, body: file.body };
}
