import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../run.js";
import { FIXTURES, listDir, memoryIo, scratchDir } from "../test-files.js";

/*
 * The fixtures tell one story (see test-fixtures/): alice (codes ALICE10, ALICESPRING; links
 * alice-ig, alice-tt; campaign spring), bob (code BOB10; link bob-yt; utm value "bobby"), carol
 * (link carol-ig; campaign summer). clicks.csv has 8 clicks: c2 repeats c1 within 60 minutes and
 * c5 is facebookexternalhit, so 6 count: alice 3, bob 1, carol 2.
 *
 * orders_export.csv (Shopify's export layout, 16 line-item rows for 11 orders):
 *   #1001 code ALICE10, 45.00                → alice, code, spring
 *   #1002 _icr_click c6 (21 h earlier), 30.00 → bob, link
 *   #1003 code BOB10 + alice's click c1, 50.00 − 20.00 refunded → bob, code (alice overruled), 30.00
 *   #1004 tagged test · #1005 cancelled · #1006 refunded · #1007 alice's own email → excluded
 *   #1008 nothing · #1011 unknown code WELCOME5 → unattributed
 *   #1009 carol's click c8, 55 days earlier  → excluded, outside the window
 *   #1010 _icr_utm utm_content=carol&utm_campaign=summer, 20.00 → carol, utm, summer
 * Wilson 95% intervals computed by hand with z = 1.959964 (Wilson 1927; the formula as given on
 * Wikipedia's "Binomial proportion confidence interval"): 1/3 → 6.15–79.23, 1/2 → 9.45–90.55,
 * 4/6 → 29.9993 → 30.00–90.32, 1/1 → 20.65–100, 3/6 → 18.76–81.24.
 */
const EXPORT_REPORT = {
  denominator: "clicks",
  windowDays: 30,
  totals: {
    orders: 11,
    conversions: 4,
    clicks: 6,
    conversionRatePct: 66.67,
    ci95Pct: [30, 90.32],
    revenue: "125.00",
    currency: "USD",
  },
  groups: [
    {
      key: "bob",
      influencer: "bob",
      campaign: null,
      clicks: 1,
      conversions: 2,
      conversionRatePct: 200,
      ci95Pct: null,
      lowSample: true,
      revenue: "60.00",
      byRule: { code: 1, link: 1, utm: 0 },
    },
    {
      key: "alice",
      influencer: "alice",
      campaign: null,
      clicks: 3,
      conversions: 1,
      conversionRatePct: 33.33,
      ci95Pct: [6.15, 79.23],
      lowSample: true,
      revenue: "45.00",
      byRule: { code: 1, link: 0, utm: 0 },
    },
    {
      key: "carol",
      influencer: "carol",
      campaign: null,
      clicks: 2,
      conversions: 1,
      conversionRatePct: 50,
      ci95Pct: [9.45, 90.55],
      lowSample: true,
      revenue: "20.00",
      byRule: { code: 0, link: 0, utm: 1 },
    },
  ],
  excluded: { test: 1, cancelled: 1, refunded: 1, selfReferral: 1, outsideWindow: 1 },
  unattributed: 2,
};

const BASE = ["report", "--orders", "orders_export.csv", "--influencers", "roster.csv", "--clicks", "clicks.csv"];

async function icr(args: string[], cwd = FIXTURES) {
  const io = memoryIo(cwd);
  const code = await run(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe("icr report --format json", () => {
  it("prints the documented object for a Shopify export, with hand-checked numbers", async () => {
    const { code, stdout, stderr } = await icr([...BASE, "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(EXPORT_REPORT);
  });

  it("keeps the documented key order at every level", async () => {
    const report = JSON.parse((await icr([...BASE, "--format", "json", "--explain"])).stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["denominator", "windowDays", "totals", "groups", "excluded", "unattributed", "orders"]);
    expect(Object.keys(report.totals as object)).toEqual([
      "orders",
      "conversions",
      "clicks",
      "conversionRatePct",
      "ci95Pct",
      "revenue",
      "currency",
    ]);
    expect(Object.keys((report.groups as object[])[0] ?? {})).toEqual([
      "key",
      "influencer",
      "campaign",
      "clicks",
      "conversions",
      "conversionRatePct",
      "ci95Pct",
      "lowSample",
      "revenue",
      "byRule",
    ]);
    expect(Object.keys(report.excluded as object)).toEqual(["test", "cancelled", "refunded", "selfReferral", "outsideWindow"]);
    expect(Object.keys((report.orders as object[])[0] ?? {})).toEqual(["order", "influencer", "campaign", "rule", "evidence", "overruled"]);
  });

  it("with --explain lists every order read, credited or not, with its evidence", async () => {
    const { stdout } = await icr([...BASE, "--format", "json", "--explain"]);
    const report = JSON.parse(stdout) as { orders: unknown[] };
    expect(report.orders).toEqual([
      { order: "#1001", influencer: "alice", campaign: "spring", rule: "code", evidence: ["code ALICE10"], overruled: [] },
      {
        order: "#1002",
        influencer: "bob",
        campaign: null,
        rule: "link",
        evidence: ["click c6 on link bob-yt, 21 hours before the order"],
        overruled: [],
      },
      {
        order: "#1003",
        influencer: "bob",
        campaign: null,
        rule: "code",
        evidence: ["code BOB10"],
        overruled: ["click c1 on link alice-ig, 5 days before the order"],
      },
      { order: "#1004", influencer: null, campaign: null, rule: null, evidence: ["code ALICE10"], overruled: [] },
      { order: "#1005", influencer: null, campaign: null, rule: null, evidence: ["code ALICE10"], overruled: [] },
      { order: "#1006", influencer: null, campaign: null, rule: null, evidence: ["code ALICESPRING"], overruled: [] },
      { order: "#1007", influencer: null, campaign: null, rule: null, evidence: ["code ALICE10"], overruled: [] },
      { order: "#1008", influencer: null, campaign: null, rule: null, evidence: [], overruled: [] },
      {
        order: "#1009",
        influencer: null,
        campaign: null,
        rule: null,
        evidence: ["click c8 on link carol-ig, 55 days before the order"],
        overruled: [],
      },
      {
        order: "#1010",
        influencer: "carol",
        campaign: "summer",
        rule: "utm",
        evidence: ["utm_content=carol on a storefront event"],
        overruled: [],
      },
      { order: "#1011", influencer: null, campaign: null, rule: null, evidence: [], overruled: [] },
    ]);
  });

  it("reads webhook JSON Lines (latest version of a repeated order) and groups by campaign", async () => {
    // orders.jsonl: #2001 (sent twice; the orders/updated copy has 60.00 after a refund) utm bobby →
    // bob, no campaign; #2002 test; #2003 code alice10 → alice/spring 45.50 (bob's click c6
    // overruled); #2004 utm bobby but the customer is bob (BOB+x@…) → self-referral; #2005
    // utm carol, utm_campaign=Summer → carol/summer 19.99.
    const { code, stdout } = await icr([
      "report",
      "--orders",
      "orders.jsonl",
      "--influencers",
      "roster.json",
      "--clicks",
      "clicks.csv",
      "--by",
      "campaign",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      denominator: "clicks",
      windowDays: 30,
      totals: { orders: 5, conversions: 3, clicks: 6, conversionRatePct: 50, ci95Pct: [18.76, 81.24], revenue: "125.49", currency: "USD" },
      groups: [
        {
          key: "(none)",
          influencer: null,
          campaign: null,
          clicks: 1,
          conversions: 1,
          conversionRatePct: 100,
          ci95Pct: [20.65, 100],
          lowSample: true,
          revenue: "60.00",
          byRule: { code: 0, link: 0, utm: 1 },
        },
        {
          key: "spring",
          influencer: null,
          campaign: "spring",
          clicks: 3,
          conversions: 1,
          conversionRatePct: 33.33,
          ci95Pct: [6.15, 79.23],
          lowSample: true,
          revenue: "45.50",
          byRule: { code: 1, link: 0, utm: 0 },
        },
        {
          key: "summer",
          influencer: null,
          campaign: "summer",
          clicks: 2,
          conversions: 1,
          conversionRatePct: 50,
          ci95Pct: [9.45, 90.55],
          lowSample: true,
          revenue: "19.99",
          byRule: { code: 0, link: 0, utm: 1 },
        },
      ],
      excluded: { test: 1, cancelled: 0, refunded: 0, selfReferral: 1, outsideWindow: 0 },
      unattributed: 0,
    });
  });

  it("adds engagements to totals and groups, after clicks, only with --denominator engagements", async () => {
    // engagements.csv: alice 1,200 + 800 (spring), bob 500, carol 300 (summer). Rates: bob 2/500 =
    // 0.4%, alice 1/2000 = 0.05%, carol 1/300 = 0.33%, total 4/2800 = 0.14%.
    const { stdout } = await icr([...BASE, "--engagements", "engagements.csv", "--denominator", "engagements", "--format", "json"]);
    const report = JSON.parse(stdout) as { denominator: string; totals: Record<string, unknown>; groups: Record<string, unknown>[] };
    expect(report.denominator).toBe("engagements");
    expect(Object.keys(report.totals).slice(0, 5)).toEqual(["orders", "conversions", "clicks", "engagements", "conversionRatePct"]);
    expect(report.totals).toMatchObject({ clicks: 6, engagements: 2800, conversions: 4, conversionRatePct: 0.14 });
    expect(report.groups.map((g) => [g.key, g.engagements, g.conversionRatePct])).toEqual([
      ["bob", 500, 0.4],
      ["alice", 2000, 0.05],
      ["carol", 300, 0.33],
    ]);
    expect(Object.keys(report.groups[0] ?? {}).slice(3, 6)).toEqual(["clicks", "engagements", "conversions"]);
  });

  it("gives every influencer a null rate and zero counts when there are no orders or clicks", async () => {
    const dir = await scratchDir();
    await writeFile(join(dir, "orders.csv"), "");
    await copyFile(join(FIXTURES, "roster.csv"), join(dir, "roster.csv"));
    const { code, stdout } = await icr(["report", "--orders", "orders.csv", "--influencers", "roster.csv", "--format", "json"], dir);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { totals: unknown; groups: { key: string; conversionRatePct: unknown; ci95Pct: unknown }[] };
    expect(report.totals).toEqual({
      orders: 0,
      conversions: 0,
      clicks: 0,
      conversionRatePct: null,
      ci95Pct: null,
      revenue: "0.00",
      currency: "USD",
    });
    expect(report.groups.map((g) => [g.key, g.conversionRatePct, g.ci95Pct])).toEqual([
      ["alice", null, null],
      ["bob", null, null],
      ["carol", null, null],
    ]);
  });
});

describe("icr report --format table", () => {
  it("prints aligned columns, rates with intervals, low-sample notes and a footer", async () => {
    const { code, stdout } = await icr(BASE);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "ICR by influencer · purchases per click · 30-day window · days in UTC",
        "",
        "influencer  clicks  conversions     rate  95% interval  revenue  code  link  utm",
        "bob              1            2  200.00%  —               60.00     1     1    0  low sample, above 100%",
        "alice            3            1   33.33%  6.15–79.23%     45.00     1     0    0  low sample",
        "carol            2            1   50.00%  9.45–90.55%     20.00     0     0    1  low sample",
        "─".repeat(104),
        "total            6            4   66.67%  30.00–90.32%   125.00     2     1    1",
        "",
        "Orders: 11 read · 4 conversions · 2 unattributed (no evidence)",
        "Excluded: 1 test, 1 cancelled, 1 refunded, 1 self-referral, 1 outside the 30-day window",
        "Clicks: 8 recorded · 6 counted · 1 bot click and 1 repeat (within 60 minutes) left out",
        "Revenue: order subtotals in USD, after discounts and refunds, before shipping and tax.",
        "Rate = conversions ÷ clicks × 100. The 95% interval (Wilson score) is the range of rates these counts are",
        'consistent with; "low sample" marks fewer than 100 clicks or 5 conversions, where the rate alone misleads.',
        "",
      ].join("\n"),
    );
  });

  it("with --explain adds one receipt per order, in the order read", async () => {
    const { stdout } = await icr([...BASE, "--explain"]);
    const receipts = stdout.slice(stdout.indexOf("Receipts\n")).split("\n");
    expect(receipts.slice(0, 5)).toEqual([
      "Receipts",
      "#1001  Credited to alice for campaign spring by code ALICE10.",
      "#1002  Credited to bob by click c6 on link bob-yt, 21 hours before the order.",
      "#1003  Credited to bob by code BOB10; overruled: a click from alice's link 5 days earlier.",
      "#1004  Excluded: test order (it would have been credited to alice by code ALICE10).",
    ]);
    expect(receipts).toContain(
      "#1009  Excluded: the only evidence (click c8 on link carol-ig) was 55 days before the order, outside the 30-day window.",
    );
    expect(receipts.filter((line) => line.startsWith("#"))).toHaveLength(11);
  });
});

describe("icr report --format csv", () => {
  it("prints a header and one RFC 4180 row per group", async () => {
    const { stdout } = await icr([...BASE, "--format", "csv"]);
    expect(stdout).toBe(
      [
        "key,influencer,campaign,clicks,conversions,conversionRatePct,ci95LowPct,ci95HighPct,lowSample,revenue,currency,byRuleCode,byRuleLink,byRuleUtm",
        "bob,bob,,1,2,200,,,true,60.00,USD,1,1,0",
        "alice,alice,,3,1,33.33,6.15,79.23,true,45.00,USD,1,0,0",
        "carol,carol,,2,1,50,9.45,90.55,true,20.00,USD,0,0,1",
        "",
      ].join("\r\n"),
    );
  });
});

describe("icr report --output", () => {
  it("writes the report to the file atomically and nothing to stdout", async () => {
    const dir = await scratchDir();
    await writeFile(join(dir, "report.json"), "old contents");
    const { code, stdout } = await icr([...BASE, "--format", "json", "--output", join(dir, "report.json")]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(JSON.parse(await readFile(join(dir, "report.json"), "utf8"))).toEqual(EXPORT_REPORT);
    expect(await listDir(dir)).toEqual(["report.json"]);
  });

  it("refuses to overwrite an input file", async () => {
    const { code, stderr } = await icr([...BASE, "--output", "clicks.csv"]);
    expect(code).toBe(2);
    expect(stderr).toBe('icr: --output clicks.csv is one of the input files: write the report somewhere else\nrun "icr report --help" to see the options\n');
  });

  it("fails cleanly when the output directory does not exist", async () => {
    const dir = await scratchDir();
    const target = join(dir, "missing", "report.json");
    const { code, stdout, stderr } = await icr([...BASE, "--output", target]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`icr: cannot write ${target}: the directory ${join(dir, "missing")} does not exist\n`);
    expect(await listDir(dir)).toEqual([]);
  });
});

describe("icr report on bad input", () => {
  /** Copies the fixtures into a scratch dir, replaces `name` with `text`, runs with --output there. */
  async function failWith(name: string, text: string, extra: string[] = []) {
    const dir = await scratchDir();
    for (const file of ["orders_export.csv", "roster.csv", "clicks.csv", "engagements.csv"]) {
      await copyFile(join(FIXTURES, file), join(dir, file));
    }
    await writeFile(join(dir, name), text);
    const before = await listDir(dir);
    const result = await icr([...BASE, "--engagements", "engagements.csv", ...extra, "--output", "report.json"], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(await listDir(dir)).toEqual(before);
    return result.stderr;
  }

  it("names a missing file", async () => {
    const dir = await scratchDir();
    const { code, stdout, stderr } = await icr(["report", "--orders", "nope.csv", "--influencers", "roster.csv"], dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`icr: nope.csv: file not found (looked for ${join(dir, "nope.csv")})\n`);
  });

  it("names the file and line of a malformed row", async () => {
    expect(await failWith("roster.csv", "handle,codes\nalice,A1\nbob,B1,B2\n")).toBe(
      'icr: roster.csv:3: has 3 fields but the header has 2 (a comma inside a value needs "quotes")\n',
    );
  });

  it("names an unknown column", async () => {
    expect(await failWith("clicks.csv", "id,at,link,visitor,ip\n")).toBe(
      'icr: clicks.csv:1: unknown column "ip": expected id, at, link, visitor, userAgent, method, country, device\n',
    );
  });

  it("names a bad date, in the clicks, the engagements and the orders", async () => {
    expect(await failWith("clicks.csv", "at,link,visitor,userAgent\n2024-03-01,alice-ig,v1,Mozilla/5.0\n")).toBe(
      'icr: clicks.csv:2: at "2024-03-01" is not a date-time with a time zone (write e.g. 2024-03-01T14:30:00Z)\n',
    );
    expect(await failWith("engagements.csv", "date,handle,campaign,engagements\n2024-03-01,alice,,1\n2024-02-31,bob,,2\n")).toBe(
      'icr: engagements.csv:3: date "2024-02-31" is not a day written YYYY-MM-DD\n',
    );
    const orders = "Name,Currency,Subtotal,Created at\n#1,USD,1.00,2024-03-01 10:00:00 -0500\n#2,USD,1.00,yesterday\n";
    expect(await failWith("orders_export.csv", orders)).toBe('icr: orders_export.csv:3: Created at: not a date with a time zone: "yesterday"\n');
  });

  it("names the line and field of a bad webhook payload", async () => {
    const payload = (id: number, created: string) =>
      JSON.stringify({ id, name: `#${id}`, created_at: created, currency: "USD", current_subtotal_price: "1.00" });
    const stderr = await failWith("orders_export.csv", `${payload(1, "2024-03-01T10:00:00Z")}\n\n${payload(2, "soon")}\n`);
    expect(stderr).toMatch(/^icr: orders_export\.csv:3: created_at: .+\n$/u);
  });

  it("rejects a CSV that is not a Shopify export", async () => {
    expect(await failWith("orders_export.csv", "order,total\n1,2\n")).toBe(
      'icr: orders_export.csv:1: not a Shopify "Export orders" CSV or order JSON: the header lacks "Name", "Currency", "Subtotal", "Created at"\n',
    );
  });

  it("rejects a click on a link no influencer owns", async () => {
    expect(await failWith("clicks.csv", "at,link,visitor,userAgent\n2024-03-01T10:00:00Z,spring-sale,v1,Mozilla/5.0\n")).toBe(
      "icr: clicks.csv:2: unknown link \"spring-sale\": add it to an influencer's links in the roster\n",
    );
  });
});

describe("icr report arguments", () => {
  it("explains an unknown flag and a bad value, exit 2, nothing on stdout", async () => {
    for (const [args, message] of [
      [[...BASE, "--fromat", "json"], "icr: unknown option --fromat"],
      [[...BASE, "--format", "xml"], 'icr: --format must be table, json or csv, not "xml"'],
      [[...BASE, "--window-days", "0"], 'icr: --window-days must be a whole number of days from 1 to 365, not "0"'],
      [[...BASE, "--denominator", "engagements"], "icr: --denominator engagements needs --engagements FILE (the imported counts)"],
      [["report", "--influencers", "roster.csv"], "icr: --orders FILE is required"],
    ] as const) {
      const { code, stdout, stderr } = await icr([...args]);
      expect(code, message).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.split("\n")[0]).toBe(message);
    }
  });

  it("keeps stderr empty on a terminal when the run takes under a second (progress waits a second)", async () => {
    const io = memoryIo(FIXTURES, true);
    expect(await run([...BASE, "--progress"], io)).toBe(0);
    expect(io.err()).toBe("");
    expect(io.out()).toMatch(/^ICR by influencer/u);
  });

  it("prints its help with --help", async () => {
    const { code, stdout } = await icr(["report", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: icr report --orders FILE --influencers FILE/u);
  });
});
