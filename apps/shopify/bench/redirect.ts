/**
 * Click redirect under load: autocannon, 50 connections, against the app's redirect server and a
 * bare Node `http` server answering the same 302, in the same run, each in its own process on
 * 127.0.0.1 (the app's server writing its clicks to the database as in production).
 *
 * Two kinds of traffic. `new-visitors` is what a shop behind a proxy sees, so the app does all of
 * a click's work: requests spread over the shop's 200 links, from a new visitor each time except
 * one in five, which repeats the request before it (X-Forwarded-For), with a country header. New
 * visitors are counted clicks: they cost the de-duplication lookup and the rollup writes.
 * `one-visitor` is autocannon's plain load, one URL from one address: after the first, every click
 * is a repeat, stored and flagged but with no lookup and no rollup (the lightest case).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import autocannon from "autocannon";

const HERE = dirname(fileURLToPath(import.meta.url));
// The child runs TypeScript the way this script does: through vite-node (installed with vitest).
const VITE_NODE = join(dirname(createRequire(import.meta.url).resolve("vite-node/package.json")), "vite-node.mjs");
const USER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

interface Started {
  child: ChildProcess;
  port: number;
  slugs: string[];
  /** How the app's server writes its clicks (ClickWriterThread or ClickBatchWriter). */
  writer?: string;
  lines: AsyncIterator<string>;
  sent: { n: number };
}

export type RedirectTraffic = "new-visitors" | "one-visitor";

const COUNTRIES = ["US", "FR", "DE", "GB", "BR", "JP", "IN", "CA"];

/**
 * Each request: the next link and a new visitor, except every fifth, which repeats the one before
 * (a double click). The count goes on across the runs against one server (`state`), so a later
 * round never replays an earlier round's visitors as repeats.
 */
function visitorTraffic(slugs: string[], state: { n: number }) {
  return (request: { headers?: Record<string, string> }) => {
    const n = ++state.n;
    const visitor = n % 5 === 0 ? n - 1 : n;
    return {
      ...request,
      method: "GET",
      path: `/r/${slugs[visitor % slugs.length]}`,
      headers: {
        ...request.headers,
        "x-forwarded-for": `10.${(visitor >>> 16) & 255}.${(visitor >>> 8) & 255}.${visitor & 255}`,
        "cf-ipcountry": COUNTRIES[n % COUNTRIES.length] ?? "US",
      },
    };
  };
}

async function start(mode: "bare" | "icr", databaseUrl?: string): Promise<Started> {
  const child = spawn(process.execPath, [VITE_NODE, "--config", join(HERE, "..", "vitest.config.ts"), join(HERE, "redirect-server.ts"), mode, ...(databaseUrl ? [databaseUrl] : [])], {
    cwd: join(HERE, ".."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error(`${mode} redirect server exited before listening`);
  const { port, slugs, writer } = JSON.parse(first.value) as { port: number; slugs: string[]; writer?: string };
  return { child, port, slugs, writer, lines, sent: { n: 0 } };
}

async function stop(s: Started): Promise<Record<string, unknown>> {
  s.child.kill("SIGTERM");
  const next = await s.lines.next();
  await new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once("exit", resolve)));
  return next.done ? {} : (JSON.parse(next.value) as Record<string, unknown>);
}

async function load(target: Started, seconds: number, traffic: RedirectTraffic) {
  const url = `http://127.0.0.1:${target.port}/r/${target.slugs[0]}`;
  const options = {
    url,
    headers: { "user-agent": USER_AGENT },
    ...(traffic === "new-visitors" ? { requests: [{ setupRequest: visitorTraffic(target.slugs, target.sent) }] } : {}),
  };
  await autocannon({ ...options, connections: 10, duration: 1 }); // warm-up
  const r = await autocannon({ ...options, connections: 50, duration: seconds });
  return {
    requestsPerSecond: Math.round(r.requests.average),
    requests: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    redirects: r.statusCodeStats["302"]?.count ?? 0,
  };
}

/**
 * Both servers run side by side and take turns under load (bare, app, bare, app, …), so a change
 * in the machine's background load hits both alike; figures are the medians of the rounds.
 */
export async function benchRedirect(label: string, traffic: RedirectTraffic, seconds: number, databaseUrl?: string, rounds = 3) {
  const bare = await start("bare");
  let icr: Started | undefined;
  let stored: Record<string, unknown> = {};
  const bareRuns: Awaited<ReturnType<typeof load>>[] = [];
  const icrRuns: Awaited<ReturnType<typeof load>>[] = [];
  try {
    icr = await start("icr", databaseUrl);
    for (let round = 0; round < rounds; round++) {
      bareRuns.push(await load(bare, seconds, traffic));
      icrRuns.push(await load(icr, seconds, traffic));
    }
  } finally {
    await stop(bare);
    if (icr) stored = await stop(icr);
  }
  const icrResult = medianRun(icrRuns);
  const bareResult = medianRun(bareRuns);
  const ratio = icrResult.requestsPerSecond / bareResult.requestsPerSecond;
  return {
    bench: "click-redirect",
    db: label,
    connections: 50,
    secondsPerRound: seconds,
    rounds,
    traffic,
    icr: { ...icrResult, writer: icr?.writer ?? null, clicksStored: stored["clicksStored"] ?? null, clicksCounted: stored["clicksCounted"] ?? null },
    bare: bareResult,
    ratioToBare: Math.round(ratio * 100) / 100,
    targets: { requestsPerSecond: 3000, p99Ms: 10, ratioToBare: 0.5 },
    pass: icrResult.requestsPerSecond >= 3000 && icrResult.p99Ms <= 10 && ratio >= 0.5 && icrResult.errors === 0,
  };
}

/** The round with the median rate (its p99 with it), plus every round's rate and the error total. */
function medianRun(runs: Awaited<ReturnType<typeof load>>[]) {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error("no benchmark rounds");
  return { ...median, roundsRequestsPerSecond: runs.map((r) => r.requestsPerSecond), errors: runs.reduce((n, r) => n + r.errors, 0) };
}
