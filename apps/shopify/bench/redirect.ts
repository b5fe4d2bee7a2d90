/**
 * Click redirect under load: autocannon, 50 connections, against the app's redirect server and a
 * bare Node `http` server answering the same 302, one after the other in the same run, each in its
 * own process on 127.0.0.1.
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
  slug: string;
  lines: AsyncIterator<string>;
}

async function start(mode: "bare" | "icr", databaseUrl?: string): Promise<Started> {
  const child = spawn(process.execPath, [VITE_NODE, "--config", join(HERE, "..", "vitest.config.ts"), join(HERE, "redirect-server.ts"), mode, ...(databaseUrl ? [databaseUrl] : [])], {
    cwd: join(HERE, ".."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error(`${mode} redirect server exited before listening`);
  const { port, slug } = JSON.parse(first.value) as { port: number; slug: string };
  return { child, port, slug, lines };
}

async function stop(s: Started): Promise<Record<string, unknown>> {
  s.child.kill("SIGTERM");
  const next = await s.lines.next();
  await new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once("exit", resolve)));
  return next.done ? {} : (JSON.parse(next.value) as Record<string, unknown>);
}

async function load(port: number, slug: string, seconds: number) {
  const url = `http://127.0.0.1:${port}/r/${slug}`;
  await autocannon({ url, connections: 10, duration: 1, headers: { "user-agent": USER_AGENT } }); // warm-up
  const r = await autocannon({ url, connections: 50, duration: seconds, headers: { "user-agent": USER_AGENT } });
  return {
    requestsPerSecond: Math.round(r.requests.average),
    requests: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    redirects: r.statusCodeStats["302"]?.count ?? 0,
  };
}

export async function benchRedirect(label: string, seconds: number, databaseUrl?: string) {
  const bare = await start("bare");
  let bareResult;
  try {
    bareResult = await load(bare.port, bare.slug, seconds);
  } finally {
    await stop(bare);
  }
  const icr = await start("icr", databaseUrl);
  let icrResult;
  let stored: Record<string, unknown> = {};
  try {
    icrResult = await load(icr.port, icr.slug, seconds);
  } finally {
    stored = await stop(icr);
  }
  const ratio = icrResult.requestsPerSecond / bareResult.requestsPerSecond;
  return {
    bench: "click-redirect",
    db: label,
    connections: 50,
    seconds,
    icr: { ...icrResult, clicksStored: stored["clicksStored"] ?? null },
    bare: bareResult,
    ratioToBare: Math.round(ratio * 100) / 100,
    targets: { requestsPerSecond: 3000, p99Ms: 10, ratioToBare: 0.5 },
    pass: icrResult.requestsPerSecond >= 3000 && icrResult.p99Ms <= 10 && ratio >= 0.5 && icrResult.errors === 0,
  };
}
