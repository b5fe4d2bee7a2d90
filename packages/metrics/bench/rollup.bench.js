// Rollup throughput on synthetic data: one JSON object per benchmark on stdout.
// Run after the build (`npm run build` in this package): node bench/rollup.bench.js
import { performance } from "node:perf_hooks";
import process from "node:process";
import {
  attributionDelta,
  attributionRollup,
  clickRollup,
  dayOf,
  mergeRollups,
  summarize,
} from "../dist/index.js";

const CLICKS = 1_000_000;
const ORDERS = 100_000;
/** Distinct synthetic clicks held in memory; the click benchmarks cycle through them. */
const CLICK_POOL = 200_000;
const TIME_ZONE = "America/New_York";
const START = Date.UTC(2024, 0, 1);
const NINETY_DAYS = 90 * 86_400_000;
const INFLUENCERS = Array.from({ length: 200 }, (_, i) => `influencer-${i}`);
const CAMPAIGNS = [null, "spring", "summer", "launch"];
const COUNTRIES = ["US", "CA", "GB", "FR", "DE", undefined];
const DEVICES = ["mobile", "desktop", "tablet", undefined];

/** Deterministic uniform numbers in [0, 1) (mulberry32): every run measures the same data. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];

function makeClicks(count) {
  const random = seededRandom(1);
  return Array.from({ length: count }, (_, i) => {
    const bot = random() < 0.05;
    return {
      id: `c${i}`,
      at: START + Math.floor(random() * NINETY_DAYS),
      link: "link",
      influencerId: pick(random, INFLUENCERS),
      campaign: pick(random, CAMPAIGNS) ?? undefined,
      visitor: "v",
      country: pick(random, COUNTRIES),
      device: pick(random, DEVICES),
      bot,
      counted: !bot && random() < 0.8,
    };
  });
}

function makeAttributions(count) {
  const random = seededRandom(2);
  return Array.from({ length: count }, (_, i) => ({
    orderId: `o${i}`,
    orderName: `#${i}`,
    goal: random() < 0.9 ? "purchase" : "signup",
    createdAt: START + Math.floor(random() * NINETY_DAYS),
    status: "attributed",
    excludedReason: null,
    influencerId: pick(random, INFLUENCERS),
    campaign: pick(random, CAMPAIGNS),
    rule: pick(random, ["code", "link", "utm"]),
    evidence: [],
    overruled: [],
    expired: [],
    revenue: Math.floor(random() * 20_000),
    currency: "USD",
    segments: {
      customerType: pick(random, ["new", "returning", undefined]),
      country: pick(random, COUNTRIES),
      device: pick(random, DEVICES),
      products: [pick(random, ["p1", "p2", "p3", "p4"])],
    },
  }));
}

/** Times `run`, prints one JSON line, and returns what `run` returned. */
function bench(name, items, run) {
  // run.js starts node with --expose-gc: collect the previous benchmark's garbage off the clock.
  globalThis.gc?.();
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const report = { benchmark: name, items, ms: Math.round(ms), itemsPerSecond: Math.round((items / ms) * 1000) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return result;
}

bench(`dayOf ${TIME_ZONE}`, CLICKS, () => {
  const random = seededRandom(3);
  let length = 0;
  for (let i = 0; i < CLICKS; i++) length += dayOf(START + Math.floor(random() * NINETY_DAYS), TIME_ZONE).length;
  return length;
});

const clickPool = makeClicks(CLICK_POOL);
const orders = makeAttributions(ORDERS);

// Rows are streamed into the merge, as a bulk import would, so a million clicks never sit in memory as rows.
const clickRows = bench("clickRollup + mergeRollups", CLICKS, () =>
  mergeRollups(
    (function* () {
      for (let i = 0; i < CLICKS; i++) for (const row of clickRollup(clickPool[i % CLICK_POOL], TIME_ZONE)) yield row;
    })(),
  ),
);

const orderRows = bench("attributionRollup + mergeRollups", ORDERS, () =>
  mergeRollups(
    (function* () {
      for (const attribution of orders) for (const row of attributionRollup(attribution, TIME_ZONE)) yield row;
    })(),
  ),
);

bench("attributionDelta (refunds)", ORDERS, () => {
  let rows = 0;
  for (const attribution of orders) {
    rows += attributionDelta(attribution, { ...attribution, status: "excluded", excludedReason: "refunded" }, TIME_ZONE).length;
  }
  return rows;
});

const stored = [...clickRows, ...orderRows];
// The first summary in a process runs several times slower (compilation, heap growth): measure warm calls,
// the case of a server answering dashboards.
summarize(stored.slice(0, 50_000), { by: "day" });
for (const by of ["influencer", "day", "country"]) {
  bench(`summarize by ${by} (${stored.length} stored rows)`, stored.length, () => summarize(stored, { by }));
}
