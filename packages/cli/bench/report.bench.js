// Benchmark: `icr report` on a 100,000-order Shopify "Export orders" CSV (~2 line-item rows per
// order), run in-process (the exported `run`) and as the built binary, each in a fresh process,
// against a baseline that only streams the same file through csv-parse. Prints one JSON object
// per benchmark. Each is run RUNS times and the fastest run is reported (the machine is shared, so
// slower runs measure the neighbours); `cpuSeconds` is the CPU time of that run, steadier under load.
// Run after `npm run build -w @icr/cli`: `npm run bench -w @icr/cli`.
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import console from "node:console";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath, pathToFileURL, URL } from "node:url";
import { promisify } from "node:util";

const ORDERS = 100_000;
const INFLUENCERS = 1_000;
const TARGET_SECONDS = 3;
const RUNS = 3;
const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const RUN_MODULE = new URL("../dist/run.js", import.meta.url).href;
const SELF = fileURLToPath(import.meta.url);
const execFileAsync = promisify(execFile);

const HEADER = [
  "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing", "Currency",
  "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method", "Created at",
  "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price", "Lineitem sku",
  "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Billing Street",
  "Billing Address1", "Billing Address2", "Billing Company", "Billing City", "Billing Zip", "Billing Province",
  "Billing Country", "Billing Phone", "Shipping Name", "Shipping Street", "Shipping Address1", "Shipping Address2",
  "Shipping Company", "Shipping City", "Shipping Zip", "Shipping Province", "Shipping Country", "Shipping Phone", "Notes",
  "Note Attributes", "Cancelled at", "Payment Method", "Payment Reference", "Refunded Amount", "Vendor",
  "Outstanding Balance", "Employee", "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount",
  "Tax 1 Name", "Tax 1 Value", "Tax 2 Name", "Tax 2 Value", "Tax 3 Name", "Tax 3 Value", "Tax 4 Name", "Tax 4 Value",
  "Tax 5 Name", "Tax 5 Value", "Phone", "Receipt Number", "Duties", "Billing Province Name", "Shipping Province Name",
  "Payment ID", "Payment Terms Name", "Next Payment Due At", "Payment References",
];
const COLUMN = Object.fromEntries(HEADER.map((name, index) => [name, index]));
const PRODUCTS = [["Tee - M", "2500", "TEE-M"], ["Mug", "1800", "MUG"], ["Cap", "2200", "CAP"], ["Hoodie", "5400", "HOODIE"], ["Socks", "900", "SOCKS"]];
const COUNTRIES = ["US", "CA", "GB", "FR", "DE", "AU"];
const CAMPAIGNS = ["spring", "summer", "fall", "winter", "launch", "gifting", "affiliate", "evergreen", "bfcm", "holiday"];
const PLATFORMS = ["instagram", "tiktok", "youtube"];

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same file. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const handle = (i) => `inf${String(i).padStart(4, "0")}`;
const money = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function rosterCsv() {
  const lines = ["handle,name,email,codes,links,utm,campaign,platform,tags"];
  for (let i = 1; i <= INFLUENCERS; i++) {
    const h = handle(i);
    lines.push(`${h},Influencer ${i},${h}@creators.example,${h.toUpperCase()}10,${h}-ig,,${CAMPAIGNS[i % CAMPAIGNS.length]},${PLATFORMS[i % 3]},tier${i % 4}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The export, in Shopify's layout: order fields on the first row, one row per line item. Returns [text, rows]. */
function exportCsv() {
  const next = random(20240301);
  const lines = [HEADER.join(",")];
  const start = Date.UTC(2024, 0, 1);
  for (let n = 0; n < ORDERS; n++) {
    const name = `#${1001 + n}`;
    const email = `customer${n}@example.com`;
    const items = 1 + Math.floor(next() * 3);
    const picked = Array.from({ length: items }, () => PRODUCTS[Math.floor(next() * PRODUCTS.length)]);
    const subtotal = picked.reduce((sum, product) => sum + Number(product[1]), 0);
    const created = new Date(start + Math.floor(next() * 90 * 86_400_000) + 5 * 3_600_000);
    const at = `${created.toISOString().slice(0, 19).replace("T", " ")} -0500`;
    const evidence = next();
    const influencer = handle(1 + Math.floor(next() * INFLUENCERS));
    const code = evidence < 0.25 ? `${influencer.toUpperCase()}10` : "";
    const attributes =
      evidence >= 0.25 && evidence < 0.35
        ? `_icr_utm: utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=${influencer}\ngift: no`
        : "";
    const fate = next();
    const country = COUNTRIES[Math.floor(next() * COUNTRIES.length)];
    for (let i = 0; i < items; i++) {
      const row = new Array(HEADER.length).fill("");
      const [title, price, sku] = picked[i];
      row[COLUMN.Name] = name;
      row[COLUMN.Email] = email;
      row[COLUMN["Lineitem quantity"]] = "1";
      row[COLUMN["Lineitem name"]] = title;
      row[COLUMN["Lineitem price"]] = money(Number(price));
      row[COLUMN["Lineitem sku"]] = sku;
      row[COLUMN["Lineitem requires shipping"]] = "true";
      row[COLUMN["Lineitem taxable"]] = "true";
      row[COLUMN["Lineitem fulfillment status"]] = "pending";
      row[COLUMN.Vendor] = "Northwind Goods";
      row[COLUMN["Lineitem discount"]] = "0.00";
      if (i === 0) {
        row[COLUMN["Financial Status"]] = fate < 0.02 ? "refunded" : "paid";
        row[COLUMN["Paid at"]] = at;
        row[COLUMN["Fulfillment Status"]] = "unfulfilled";
        row[COLUMN["Accepts Marketing"]] = "no";
        row[COLUMN.Currency] = "USD";
        row[COLUMN.Subtotal] = money(subtotal);
        row[COLUMN.Shipping] = "5.00";
        row[COLUMN.Taxes] = money(Math.round(subtotal * 0.13));
        row[COLUMN.Total] = money(subtotal + 500 + Math.round(subtotal * 0.13));
        row[COLUMN["Discount Code"]] = code;
        row[COLUMN["Discount Amount"]] = code === "" ? "0.00" : "5.00";
        row[COLUMN["Shipping Method"]] = "Standard";
        row[COLUMN["Created at"]] = at;
        row[COLUMN["Billing Name"]] = `Customer ${n}`;
        row[COLUMN["Billing Street"]] = `${n % 900} Main St`;
        row[COLUMN["Billing Address1"]] = `${n % 900} Main St`;
        row[COLUMN["Billing City"]] = "Springfield";
        row[COLUMN["Billing Zip"]] = String(10000 + (n % 89999));
        row[COLUMN["Billing Country"]] = country;
        row[COLUMN["Shipping Name"]] = `Customer ${n}`;
        row[COLUMN["Shipping Street"]] = `${n % 900} Main St`;
        row[COLUMN["Shipping City"]] = "Springfield";
        row[COLUMN["Shipping Country"]] = country;
        row[COLUMN["Note Attributes"]] = attributes;
        row[COLUMN["Cancelled at"]] = fate >= 0.02 && fate < 0.04 ? at : "";
        row[COLUMN["Payment Method"]] = "Shopify Payments";
        row[COLUMN["Refunded Amount"]] = fate < 0.02 ? money(subtotal) : "0.00";
        row[COLUMN["Outstanding Balance"]] = "0.00";
        row[COLUMN.Id] = String(5_600_000_000 + n);
        row[COLUMN.Tags] = fate >= 0.04 && fate < 0.05 ? "test" : "";
        row[COLUMN["Risk Level"]] = "Low";
        row[COLUMN.Source] = "web";
        row[COLUMN["Tax 1 Name"]] = "Sales tax 13%";
        row[COLUMN["Tax 1 Value"]] = money(Math.round(subtotal * 0.13));
      }
      lines.push(row.map(csvCell).join(","));
    }
  }
  return [`${lines.join("\n")}\n`, lines.length - 1];
}

/** Child process: stream the file through csv-parse and do nothing else (the floor for any CSV report). */
async function baselineChild(path) {
  const { Parser } = await import("csv-parse");
  const started = performance.now();
  const cpu = process.cpuUsage();
  let rows = 0;
  await new Promise((resolve, reject) => {
    const parser = new Parser({ bom: true, relax_column_count: true });
    parser.on("data", () => (rows += 1));
    parser.on("end", resolve);
    parser.on("error", reject);
    // The same 1 MB reads icr uses: the baseline is the fastest plain csv-parse read of the file.
    createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parser);
  });
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSince(cpu), rows };
}

/** Child process: the report through the exported `run`, output kept in memory like a library user would. */
async function inProcessChild(args) {
  const { run } = await import(RUN_MODULE);
  let bytes = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const code = await run(args, {
    stdout: { write: (text) => (bytes += text.length) },
    stderr: { write: (text) => process.stderr.write(text) },
    cwd: process.cwd(),
    isTTY: false,
  });
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSince(cpu), code, bytes };
}

function cpuSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

/** Runs this file as a child in `mode`; resolves to its result plus its peak resident memory. */
async function child(mode, payload) {
  const { stdout } = await execFileAsync(process.execPath, [SELF, "--child", mode, JSON.stringify(payload)], {
    maxBuffer: 1 << 26,
  });
  return JSON.parse(stdout);
}

/** The built binary, timed from outside; an --import hook records its peak RSS and CPU time at exit. */
async function binaryRun(dir, args) {
  const hook = join(dir, "usage-hook.mjs");
  const usageFile = join(dir, "binary-usage.json");
  await writeFile(
    hook,
    `import { writeFileSync } from "node:fs";\n` +
      `process.on("exit", () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(usageFile)}, ` +
      `JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); });\n`,
  );
  const started = performance.now();
  const { stdout } = await execFileAsync(process.execPath, ["--import", pathToFileURL(hook).href, BIN, ...args], {
    cwd: dir,
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = JSON.parse(await readFile(usageFile, "utf8"));
  return { seconds, cpuSeconds: usage.cpu / 1e6, bytes: stdout.length, peakRssMB: usage.maxRSS / 1024 };
}

/** Runs `measure` RUNS times; the fastest run, with the highest peak memory seen. */
async function fastestOf(measure) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await measure());
  const fastest = results.reduce((best, result) => (result.seconds < best.seconds ? result : best));
  return { ...fastest, peakRssMB: Math.max(...results.map((result) => result.peakRssMB)) };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), "icr-bench-"));
  try {
    const ordersPath = join(dir, "orders_export.csv");
    const [csv, rows] = exportCsv();
    await writeFile(ordersPath, csv);
    await writeFile(join(dir, "roster.csv"), rosterCsv());
    const args = ["report", "--orders", ordersPath, "--influencers", join(dir, "roster.csv"), "--format", "json"];

    const baseline = await fastestOf(() => child("baseline", { path: ordersPath }));
    if (baseline.rows !== rows + 1) throw new Error(`baseline read ${baseline.rows} records, expected ${rows + 1}`);
    const inProcess = await fastestOf(() => child("in-process", { args }));
    if (inProcess.code !== 0) throw new Error(`icr report exited ${inProcess.code}`);
    const binary = await fastestOf(() => binaryRun(dir, args));

    for (const [bench, result] of [
      ["icr-report-100k-csv", inProcess],
      ["icr-report-100k-csv-binary", binary],
    ]) {
      console.log(
        JSON.stringify({
          bench,
          orders: ORDERS,
          rows,
          bytes: csv.length,
          runs: RUNS,
          seconds: round(result.seconds),
          cpuSeconds: round(result.cpuSeconds),
          peakRssMB: round(result.peakRssMB),
          baselineSeconds: round(baseline.seconds),
          baselineCpuSeconds: round(baseline.cpuSeconds),
          ratioToBaseline: round(result.seconds / baseline.seconds),
          target: { seconds: TARGET_SECONDS },
          pass: result.seconds <= TARGET_SECONDS,
        }),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[2] === "--child") {
  const payload = JSON.parse(process.argv[4]);
  const result = process.argv[3] === "baseline" ? await baselineChild(payload.path) : await inProcessChild(payload.args);
  console.log(JSON.stringify({ ...result, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
} else {
  await main();
}
