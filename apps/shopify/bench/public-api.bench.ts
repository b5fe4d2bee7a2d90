/**
 * The cached public rate endpoint under load: autocannon, 50 connections, on 127.0.0.1, against
 * the production fast path in its own process. The per-address rate limit would otherwise answer
 * 429 to a single load generator, so the server runs with `ICR_PUBLIC_RATE_LIMIT` raised (bench
 * only; stated in the output). Target: ≥ 5,000 requests/s with p99 ≤ 20 ms.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const HERE = dirname(fileURLToPath(import.meta.url));
const VITE_NODE = join(dirname(createRequire(import.meta.url).resolve("vite-node/package.json")), "vite-node.mjs");
/** Bench-only limit: far above what 50 connections can send in the run, so no answer is a 429. */
const BENCH_RATE_LIMIT_PER_MINUTE = 100_000_000;

/**
 * Runs the benchmark.
 *
 * @example console.log(JSON.stringify(await benchPublicApi(5)));
 * @returns one result object; `pass` is false when a target is missed or any answer was not 200.
 */
export async function benchPublicApi(seconds: number) {
  const child = spawn(process.execPath, [VITE_NODE, "--config", join(HERE, "..", "vitest.config.ts"), join(HERE, "public-api-server.ts")], {
    cwd: join(HERE, ".."),
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ICR_PUBLIC_RATE_LIMIT: String(BENCH_RATE_LIMIT_PER_MINUTE) },
  });
  try {
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error("public API bench server exited before listening");
    const { port, key, rateLimitPerMinute } = JSON.parse(first.value) as { port: number; key: string; rateLimitPerMinute: number };
    const url = `http://127.0.0.1:${port}/api/public/v1/${key}/rate?scope=overall&days=30&goal=purchase`;
    await autocannon({ url, connections: 10, duration: 1 }); // warm-up: fills the answer cache
    const r = await autocannon({ url, connections: 50, duration: seconds });
    const ok = r.statusCodeStats["200"]?.count ?? 0;
    const result = {
      bench: "public-api-rate-cached",
      connections: 50,
      seconds,
      requestsPerSecond: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      requests: r.requests.total,
      non200: r.requests.total - ok,
      errors: r.errors + r.timeouts,
      rateLimitPerMinute,
      note: "ICR_PUBLIC_RATE_LIMIT raised for the benchmark only (default 300 per address per minute)",
      target: { rps: 5000, p99Ms: 20 },
    };
    return { ...result, pass: result.requestsPerSecond >= 5000 && result.p99Ms <= 20 && result.non200 === 0 && result.errors === 0 };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  }
}

// Run directly (`vite-node bench/public-api.bench.ts`), not when imported by bench/run.ts.
if (process.argv.some((arg) => arg.endsWith("public-api.bench.ts"))) {
  console.log(JSON.stringify(await benchPublicApi(Number(process.env.ICR_BENCH_SECONDS ?? 5))));
}
