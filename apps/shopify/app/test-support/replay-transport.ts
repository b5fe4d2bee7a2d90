/**
 * A transport that replays recorded Admin API responses in order and records what was asked, so
 * gateway callers are tested against the real API's shapes without the network.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Transport } from "../services/admin-gateway.server";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "services", "__fixtures__");

/** A recorded fixture's text. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export type Step = string | { status: number; body?: string; headers?: Record<string, string> } | Error | ((url: string) => Response);

export interface Replay {
  transport: Transport;
  requests: { url: string; method: string; body: { query?: string; variables?: Record<string, unknown> } | null }[];
}

/**
 * Replays `steps` one per request: a fixture file name (200 JSON), a status with body, an Error
 * (thrown, like a network failure), or a function building the Response.
 */
export function replay(steps: Step[]): Replay {
  const queue = [...steps];
  const requests: Replay["requests"] = [];
  const transport: Transport = async (url, init) => {
    requests.push({ url, method: init.method, body: init.body ? (JSON.parse(init.body) as Replay["requests"][number]["body"]) : null });
    const step = queue.shift();
    if (step === undefined) throw new Error(`unexpected request ${init.method} ${url}`);
    if (step instanceof Error) throw step;
    if (typeof step === "function") return step(url);
    if (typeof step === "string") return new Response(fixture(step), { status: 200, headers: { "content-type": "application/json" } });
    return new Response(step.body ?? "", { status: step.status, headers: step.headers ?? {} });
  };
  return { transport, requests };
}
