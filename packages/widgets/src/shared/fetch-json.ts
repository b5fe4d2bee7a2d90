import { WidgetError, type WidgetErrorCode } from "./widget-error.js";

/** The API's own error codes (docs/public-api.md); for any other answer the status decides. */
const API_CODES: readonly string[] = ["not_published", "not_found", "rate_limited", "bad_request"];
const BY_STATUS: Record<number, WidgetErrorCode> = { 400: "bad_request", 404: "not_found", 429: "rate_limited" };

/**
 * GETs JSON from the public API without cookies, giving up after `timeoutMs` (headers and body
 * both) or as soon as `signal` aborts, so a widget removed from the page stops its request.
 *
 * @returns the parsed body of a 2xx answer. Rejects with a WidgetError: the API's
 * `{ error: { code } }` when it sent one, else a code from the status (400, 404, 429) or "network"
 * (other statuses, no connection); "invalid" for a 2xx body that is not JSON (an empty one too);
 * "timeout" past the deadline. Rejects with `signal`'s reason once `signal` aborts.
 * @example
 * const data = await fetchJson("https://shop.example/apps/icr/api/public/v1/pk_1/rate", controller.signal);
 */
export async function fetchJson(url: string, signal: AbortSignal, timeoutMs = 10_000): Promise<unknown> {
  const request = new AbortController();
  const stop = () => request.abort();
  signal.addEventListener("abort", stop);
  const timer = setTimeout(stop, timeoutMs);
  try {
    const res = await fetch(url, { signal: request.signal, credentials: "omit" });
    const body: unknown = await res.json().catch(() => undefined);
    if (res.ok && body !== undefined) return body;
    const code = (body as { error?: { code?: WidgetErrorCode } } | undefined)?.error?.code;
    throw new WidgetError(res.ok ? "invalid" : code && API_CODES.includes(code) ? code : (BY_STATUS[res.status] ?? "network"));
  } catch (e) {
    throw e instanceof WidgetError || signal.aborted ? e : new WidgetError(request.signal.aborted ? "timeout" : "network");
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", stop);
  }
}
