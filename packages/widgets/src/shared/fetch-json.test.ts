import { afterEach, describe, expect, it } from "vitest";
import { fetchJson } from "./fetch-json.js";
import { cleanup, fakeFetch, json } from "./test-fixture.js";
import { WidgetError } from "./widget-error.js";

const URL = "https://shop.example/apps/icr/api/public/v1/pk_1/rate";

/** The WidgetError code fetchJson rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WidgetError);
  return (error as WidgetError).code;
}

describe("fetchJson", () => {
  afterEach(cleanup);

  it("returns the JSON body of a 2xx answer, asking without cookies", async () => {
    let init: RequestInit | undefined;
    fakeFetch((_url, i) => ((init = i), json({ ratePct: 5 })));
    await expect(fetchJson(URL, new AbortController().signal)).resolves.toEqual({ ratePct: 5 });
    expect(init?.credentials).toBe("omit");
  });

  it("uses the API's error code when the body has one", async () => {
    fakeFetch(() => json({ error: { code: "not_published", message: "Not published" } }, 404));
    expect(await codeOf(fetchJson(URL, new AbortController().signal))).toBe("not_published");
  });

  it("falls back to the status for other bodies: 404, 429, 400, anything else", async () => {
    const cases: [Response, string][] = [
      [new Response("gone", { status: 404 }), "not_found"],
      [json({ error: { code: "slow_down" } }, 429), "rate_limited"],
      [json({}, 400), "bad_request"],
      [json({ error: { code: "not_found" } }, 500), "not_found"],
      [new Response("<html>", { status: 502 }), "network"],
    ];
    for (const [response, code] of cases) {
      fakeFetch(() => response);
      expect(await codeOf(fetchJson(URL, new AbortController().signal))).toBe(code);
    }
  });

  it("calls a 2xx answer that is not JSON invalid", async () => {
    fakeFetch(() => new Response("<html>not json</html>", { status: 200 }));
    expect(await codeOf(fetchJson(URL, new AbortController().signal))).toBe("invalid");
    fakeFetch(() => new Response(null, { status: 204 }));
    expect(await codeOf(fetchJson(URL, new AbortController().signal))).toBe("invalid");
  });

  it("turns a failed connection into network", async () => {
    fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await codeOf(fetchJson(URL, new AbortController().signal))).toBe("network");
  });

  it("gives up after the timeout", async () => {
    fakeFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
    );
    expect(await codeOf(fetchJson(URL, new AbortController().signal, 20))).toBe("timeout");
  });

  it("rejects with the caller's abort, not a WidgetError, when the caller cancels", async () => {
    fakeFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
    );
    const controller = new AbortController();
    const pending = fetchJson(URL, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
