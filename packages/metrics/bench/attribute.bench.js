// node-flags: --single-threaded
// Attribution throughput on a synthetic shop: 10,000 influencers, 20,000 codes, 2,000,000 clicks,
// 1,000,000 orders with a mix of evidence (MIX below) and exclusions (2% test, 2% cancelled, 3%
// refunded), all seeded so every run attributes the same data. Targets (the metrics brief):
// <= 1.0 s for the million orders on one core, <= 3x a baseline loop doing one Map lookup per
// order, peak heap <= 500 MB.
//
// Prints one JSON object per benchmark:
//   build-attribution-index: building the index from the roster, codes, links and 2M clicks;
//   attribute-1M-orders: attributeOrder over every order (median of 3 runs after a warm-up).
// How it measures:
// - time is CPU time of this process, which runs with --single-threaded so that garbage collection
//   is done, and counted, on the one core; wall time is reported too (on a shared machine it also
//   counts time other processes held the core);
// - orders are streamed in batches of 100,000, as the app reads them from the database and the CLI
//   from a file; each batch is garbage-collected away (untimed) before the next;
// - results are tallied (counts, revenue) and dropped, as the app writes them out batch by batch;
// - heap is V8's used heap plus typed-array memory (the click table lives in typed arrays),
//   sampled during attribution; it includes the index, the batch and the baseline's Map.
// Run with --expose-gc (bench/run.js does, and adds the node-flags above).
import os from "node:os";
import { attributeOrder, buildAttributionIndex, DEFAULT_ATTRIBUTION_SETTINGS } from "../dist/index.js";

const INFLUENCERS = 10_000;
const CODES_PER_INFLUENCER = 2;
const CLICKS = 2_000_000;
const ORDERS = 1_000_000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const SPAN = 120 * DAY;
const CLICK_STEP = SPAN / CLICKS;
const TARGETS = { seconds: 1.0, ratioToBaseline: 3, peakHeapMB: 500 };

if (typeof globalThis.gc !== "function") {
  process.stderr.write("attribute.bench.js needs node --expose-gc (run it through bench/run.js)\n");
  process.exit(2);
}

/** mulberry32: a small seeded PRNG, so the data set is the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ORDER_SEED = 20260315;
let random = prng(ORDER_SEED);
const pick = (n) => Math.floor(random() * n);

// Roster: handles, some emails and customer ids (self-referral), some default campaigns.
const CAMPAIGNS = ["spring-drop", "summer-sale", "back-to-school", "holiday", "always-on"];
const influencers = Array.from({ length: INFLUENCERS }, (_, i) => ({
  id: `inf_${i}`,
  handle: `creator${i}`,
  email: i % 4 === 0 ? `creator${i}@example.com` : undefined,
  customerId: i % 10 === 0 ? String(7_000_000_000_000 + i) : undefined,
  campaign: i % 3 === 0 ? CAMPAIGNS[i % CAMPAIGNS.length] : undefined,
  platform: ["instagram", "tiktok", "youtube"][i % 3],
  tags: [],
}));
const codes = influencers.flatMap((inf, i) =>
  Array.from({ length: CODES_PER_INFLUENCER }, (_, k) => ({
    code: `CREATOR${i}${k === 0 ? "10" : "15"}`,
    influencerId: inf.id,
    campaign: k === 1 ? CAMPAIGNS[(i + k) % CAMPAIGNS.length] : undefined,
  })),
);
const links = influencers.flatMap((inf, i) => {
  const own = [{ slug: `creator${i}-ig`, influencerId: inf.id, platform: "instagram" }];
  if (i % 2 === 0) own.push({ slug: `creator${i}-tt`, influencerId: inf.id, campaign: CAMPAIGNS[i % CAMPAIGNS.length], platform: "tiktok" });
  return own;
});

// Clicks, generated as a stream (the index keeps what it needs): time-ordered, on random links.
// Click ids as the app makes them: "c" + 16 base64url characters (12 pseudo-random, then 4 that
// encode n, so every id is distinct).
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
function mix32(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
function clickId(n) {
  let id = "c";
  for (const word of [mix32(n), mix32(n + 0x9e3779b9)]) {
    for (let k = 0; k < 6; k++) id += B64[(word >>> (k * 5)) & 63];
  }
  for (let k = 0; k < 4; k++) id += B64[(n >>> (k * 6)) & 63];
  return id;
}
const clickAt = (n) => START + Math.floor(n * CLICK_STEP);
function* generateClicks() {
  const r = prng(42);
  for (let n = 0; n < CLICKS; n++) {
    const link = links[Math.floor(r() * links.length)];
    yield { id: clickId(n), at: clickAt(n), link: link.slug, influencerId: link.influencerId, campaign: link.campaign };
  }
}

// Orders, shaped as the normalizers build them: every property present, in the same order, and
// empty lists sharing one frozen array. Each order has its own strings, as a JSON parser or a
// database driver would hand them over (300,000 distinct customers, 500 products).
const STORE_CODES = ["WELCOME10", "FREESHIP", "VIP20"];
const CUSTOMERS = 300_000;
const NONE = Object.freeze([]);
const COUNTRIES = ["US", "CA", "GB", "DE", "FR"];
const DEVICES = ["mobile", "desktop", "tablet"];
function typedCode(code) {
  const r = random();
  return r < 0.8 ? code : r < 0.95 ? code.toLowerCase() : `${code[0]}${code.slice(1).toLowerCase()}`;
}
function visit(source, at, campaign, content, id) {
  const utmSource = source === "landing_site" ? "instagram" : "tiktok";
  return { source, at, utm: { source: utmSource, medium: "influencer", campaign, content, term: undefined }, clickId: id, referralCode: undefined };
}
/** Other marketing that lands on the shop with UTM parameters naming no influencer. */
const OTHER_CONTENT = ["brand-search", "newsletter-0312", "retargeting", "spring-banner", "partner-blog"];
/** The evidence mix, drawn independently per order (so some orders carry several kinds, some none). */
const MIX = {
  code: 0.3, // a discount code: 70% an influencer's (typed in any case), 30% store-wide
  clickId: 0.15, // a click id in the cart attribute, 0-45 days before the order (some expire)
  landing: 0.4, // a landing page with UTM parameters: 45% name an influencer
  journey: 0.25, // GraphQL journey visits (1-2), 0-40 days before: 35% name an influencer, some with a click id
};
function makeOrder(i) {
  const createdAt = START + 45 * DAY + Math.floor(random() * (SPAN - 45 * DAY));
  // Lists are built at their final length, as a JSON parser builds them (push would over-allocate).
  let discountCodes = NONE;
  let clickIds = NONE;
  let visits = NONE;
  const inf = pick(INFLUENCERS);
  if (random() < MIX.code) {
    discountCodes = [random() < 0.7 ? typedCode(codes[inf * CODES_PER_INFLUENCER + pick(CODES_PER_INFLUENCER)].code) : STORE_CODES[pick(3)]];
  }
  if (random() < MIX.clickId) {
    const n = Math.floor((createdAt - START - random() * 45 * DAY) / CLICK_STEP);
    const id = clickId(Math.max(0, Math.min(CLICKS - 1, n)));
    clickIds = random() < 0.05 ? [id, "c_unknown"] : [id];
  }
  const landing = random() < MIX.landing;
  const journey = random() < MIX.journey;
  if (landing || journey) {
    const list = [];
    if (landing) {
      const influencer = random() < 0.45;
      const content = influencer ? `creator${random() < 0.7 ? inf : pick(INFLUENCERS)}` : OTHER_CONTENT[pick(5)];
      list.push(visit("landing_site", undefined, influencer ? CAMPAIGNS[pick(5)] : "always-on", content, undefined));
    }
    if (journey) {
      for (const source of random() < 0.5 ? ["first_visit", "last_visit"] : ["last_visit"]) {
        const at = createdAt - Math.floor(random() * 40 * DAY);
        const influencer = random() < 0.35;
        const n = Math.floor((at - START) / CLICK_STEP);
        const content = influencer ? `creator${pick(INFLUENCERS)}` : OTHER_CONTENT[pick(5)];
        list.push(visit(source, at, CAMPAIGNS[pick(5)], content, influencer && random() < 0.3 && n >= 0 ? clickId(n) : undefined));
      }
    }
    visits = list;
  }
  const flag = random();
  const customer = pick(CUSTOMERS);
  const self = random() < 0.003;
  return {
    id: String(5_900_000_000_000 + i),
    goal: undefined,
    name: `#${1001 + i}`,
    createdAt,
    updatedAt: createdAt,
    currency: "USD",
    subtotal: 500 + pick(20_000),
    test: flag < 0.02,
    cancelled: flag >= 0.02 && flag < 0.04,
    refunded: flag >= 0.04 && flag < 0.07,
    customerId: self ? influencers[inf].customerId : String(8_000_000_000_000 + customer),
    customerEmail: self ? influencers[inf].email : `customer${customer}@example.com`,
    customerType: random() < 0.6 ? "new" : "returning",
    country: COUNTRIES[pick(5)],
    device: DEVICES[pick(3)],
    products: [String(8_800_000_000_000 + pick(500))],
    discountCodes,
    clickIds,
    visits,
  };
}

const mb = (bytes) => Math.round((bytes / 1_048_576) * 10) / 10;
/** JS heap plus typed-array memory (the click table lives in typed arrays, outside heapUsed). */
const heapNow = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (x, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

// 1. Build the index (2M clicks streamed in).
globalThis.gc();
const buildStart = process.hrtime.bigint();
const index = buildAttributionIndex({ influencers, codes, links, clicks: generateClicks(), campaigns: CAMPAIGNS });
const buildSeconds = Number(process.hrtime.bigint() - buildStart) / 1e9;
globalThis.gc();
console.log(
  JSON.stringify({
    bench: "build-attribution-index",
    influencers: INFLUENCERS,
    codes: codes.length,
    links: links.length,
    clicks: index.clicks.size,
    seconds: round(buildSeconds),
    clicksPerSecond: Math.round(CLICKS / buildSeconds),
    heapAfterMB: mb(heapNow()),
  }),
);

// 2. Attribute the orders, streamed in batches as the app reads them from the database (and the
// CLI from a file): each batch is regenerated from its own seed, so every run sees the same orders.
const BATCH = 100_000;
function makeBatch(b) {
  random = prng(ORDER_SEED + b);
  return Array.from({ length: BATCH }, (_, i) => makeOrder(b * BATCH + i));
}
const settings = DEFAULT_ATTRIBUTION_SETTINGS;

/** Attribution over one batch; results are tallied and dropped. Samples the heap every 2^14 orders. */
function attributeBatch(orders, tally, memory) {
  for (let i = 0; i < orders.length; i++) {
    const a = attributeOrder(orders[i], index, settings);
    if (a.influencerId !== null) tally.attributed++;
    else if (a.excludedReason !== null) tally.excluded++;
    tally.revenue += a.revenue;
    if ((i & 0x3fff) === 0) memory.peak = Math.max(memory.peak, heapNow());
  }
}

/**
 * The baseline: the same loop over the same orders doing one Map lookup each, the one an idempotent
 * writer does per order: its id in a Map of every order id of the run ("stored already?").
 */
const knownOrders = new Map(Array.from({ length: ORDERS }, (_, i) => [String(5_900_000_000_000 + i), i]));
function baselineBatch(orders) {
  let hits = 0;
  for (let i = 0; i < orders.length; i++) {
    if (knownOrders.get(orders[i].id) !== undefined) hits++;
  }
  return hits;
}
/** A cheaper reference, reported beside it: one lookup that always misses a 60,000-entry Map. */
function missBaselineBatch(orders) {
  let hits = 0;
  for (let i = 0; i < orders.length; i++) {
    if (index.codes.get(orders[i].name) !== undefined) hits++;
  }
  return hits;
}

const LOOPS = { attribution: attributeBatch, baseline: baselineBatch, missBaseline: missBaselineBatch };
const NAMES = Object.keys(LOOPS);

/**
 * One pass over the million orders. Each batch is timed in every loop, rotating which loop goes
 * first (the first one meets the batch cold). Time is CPU time of this process, which runs with
 * --single-threaded so that garbage collection is done (and counted) on the one core; wall time is
 * kept too, but on a shared machine it also counts the time other processes had the core.
 */
function run(memory) {
  const tally = { attributed: 0, excluded: 0, revenue: 0 };
  const cpu = Object.fromEntries(NAMES.map((name) => [name, 0]));
  const wall = Object.fromEntries(NAMES.map((name) => [name, 0]));
  for (let b = 0; b < ORDERS / BATCH; b++) {
    const orders = makeBatch(b);
    globalThis.gc(); // the previous batch is garbage now: collect it outside the timed loops
    for (let k = 0; k < NAMES.length; k++) {
      const name = NAMES[(b + k) % NAMES.length];
      const cpuStart = process.cpuUsage();
      const wallStart = process.hrtime.bigint();
      LOOPS[name](orders, tally, memory);
      wall[name] += Number(process.hrtime.bigint() - wallStart) / 1e9;
      const used = process.cpuUsage(cpuStart);
      cpu[name] += (used.user + used.system) / 1e6;
    }
  }
  return { cpu, wall, tally };
}

// Warm-up: let the JIT settle on every loop.
{
  const orders = makeBatch(0);
  for (let k = 0; k < 3; k++) for (const name of NAMES) LOOPS[name](orders, { attributed: 0, excluded: 0, revenue: 0 }, { peak: 0 });
}

globalThis.gc();
const heapBefore = heapNow();
const memory = { peak: heapBefore };
const runs = [run(memory), run(memory), run(memory)];
const middle = [...runs].sort((a, b) => a.cpu.attribution - b.cpu.attribution)[1];
const seconds = middle.cpu.attribution;
const baselineSeconds = median(runs.map((r) => r.cpu.baseline));
const missBaselineSeconds = median(runs.map((r) => r.cpu.missBaseline));
const tally = middle.tally;

const result = {
  bench: "attribute-1M-orders",
  orders: ORDERS,
  seconds: round(seconds),
  ordersPerSecond: Math.round(ORDERS / seconds),
  peakHeapMB: mb(memory.peak),
  heapBeforeMB: mb(heapBefore),
  baselineSeconds: round(baselineSeconds, 4),
  ratioToBaseline: round(seconds / baselineSeconds, 2),
  baseline: "Map.get(order.id) on a Map of the 1,000,000 order ids",
  missBaselineSeconds: round(missBaselineSeconds, 4),
  ratioToMissBaseline: round(seconds / missBaselineSeconds, 2),
  missBaseline: "Map.get(order.name) on the 60,000-entry code Map (always a miss)",
  wallSeconds: round(median(runs.map((r) => r.wall.attribution))),
  runs: runs.map((r) => round(r.cpu.attribution)),
  baselineRuns: runs.map((r) => round(r.cpu.baseline, 4)),
  outcome: { attributed: tally.attributed, excluded: tally.excluded, unattributed: ORDERS - tally.attributed - tally.excluded, revenue: tally.revenue },
  mix: MIX,
  batch: BATCH,
  node: process.version,
  loadAverage: os.loadavg().map((x) => round(x, 2)),
  targets: TARGETS,
};
result.pass = result.seconds <= TARGETS.seconds && result.ratioToBaseline <= TARGETS.ratioToBaseline && result.peakHeapMB <= TARGETS.peakHeapMB;
console.log(JSON.stringify(result));
if (!result.pass) process.exitCode = 1;
