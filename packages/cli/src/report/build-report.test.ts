import type { Click, Order } from "@icr/metrics";
import { describe, expect, it } from "vitest";
import type { Roster } from "../input/read-roster.js";
import { buildReport, type ReportSettings } from "./build-report.js";
import { formatCsv } from "./format-csv.js";

const AT = Date.UTC(2024, 2, 5, 12);

function order(id: string, extra: Partial<Order> = {}): Order {
  return {
    id,
    name: `#${id}`,
    createdAt: AT,
    updatedAt: AT,
    currency: "USD",
    subtotal: 1000,
    test: false,
    cancelled: false,
    refunded: false,
    products: [],
    discountCodes: [],
    clickIds: [],
    visits: [],
    ...extra,
  };
}

function click(id: string, link: string, influencerId: string, minutesBefore: number, extra: Partial<Click> = {}): Click {
  return { id, at: AT - minutesBefore * 60_000, link, influencerId, visitor: `v-${id}`, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/126.0", ...extra };
}

const ROSTER: Roster = {
  influencers: [
    { id: "alice", handle: "alice", campaign: "Spring", tags: [] },
    { id: "bob", handle: "bob", campaign: '=HYPERLINK("http://evil.example","x")', tags: [] },
  ],
  codes: [
    { code: "ALICE10", influencerId: "alice", campaign: "Spring" },
    { code: "BOB10", influencerId: "bob", campaign: '=HYPERLINK("http://evil.example","x")' },
  ],
  links: [{ slug: "alice-ig", influencerId: "alice", campaign: "Spring" }],
};

const SETTINGS: ReportSettings = { by: "campaign", denominator: "clicks", goal: "purchase", windowDays: 30, timeZone: "UTC", explain: false };

describe("buildReport", () => {
  it("keeps a campaign that only UTM evidence names, and lists roster campaigns without data", () => {
    const report = buildReport(
      {
        roster: ROSTER,
        orders: [
          order("1", { discountCodes: ["alice10"] }),
          order("2", { visits: [{ source: "landing_site", utm: { content: "alice", campaign: "blackfriday" } }] }),
        ],
        clicks: [click("c1", "alice-ig", "alice", 60, { campaign: "Spring" })],
        engagements: [],
      },
      SETTINGS,
    );
    expect(report.document.groups.map((group) => [group.key, group.campaign, group.clicks, group.conversions])).toEqual([
      ["Spring", "Spring", 1, 1],
      ["blackfriday", "blackfriday", 0, 1],
      ['=HYPERLINK("http://evil.example","x")', '=HYPERLINK("http://evil.example","x")', 0, 0],
    ]);
  });

  it("counts only the report's goal in conversions, exclusions and receipts, but every order in totals.orders", () => {
    const report = buildReport(
      {
        roster: ROSTER,
        orders: [
          order("1", { discountCodes: ["ALICE10"] }),
          order("2", { goal: "signup", subtotal: 0, discountCodes: ["ALICE10"] }),
          order("3", { goal: "signup", subtotal: 0, test: true, discountCodes: ["ALICE10"] }),
          order("4", { test: true }),
        ],
        clicks: [],
        engagements: [],
      },
      { ...SETTINGS, by: "overall", goal: "signup", explain: true },
    );
    expect(report.document.totals).toMatchObject({ orders: 4, conversions: 1, revenue: "0.00" });
    expect(report.document.excluded.test).toBe(1);
    expect(report.document.orders?.map((receipt) => receipt.order)).toEqual(["#2", "#3"]);
    expect(report.explanations.map((receipt) => receipt.order)).toEqual(["#2", "#3"]);
  });

  it("tells counted clicks from bots and repeats", () => {
    const report = buildReport(
      {
        roster: ROSTER,
        orders: [],
        clicks: [
          click("c1", "alice-ig", "alice", 200, { visitor: "same" }),
          click("c2", "alice-ig", "alice", 170, { visitor: "same" }),
          click("c3", "alice-ig", "alice", 100, { visitor: "same" }),
          click("c4", "alice-ig", "alice", 50, { userAgent: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" }),
        ],
        engagements: [],
      },
      SETTINGS,
    );
    expect(report.clicks).toEqual({ recorded: 4, counted: 2, bots: 1, repeats: 1 });
    expect(report.document.totals.clicks).toBe(2);
  });

  it("uses the orders' currency, and USD when there are none", () => {
    const inputs = { roster: ROSTER, clicks: [], engagements: [] };
    expect(buildReport({ ...inputs, orders: [order("1", { currency: "JPY", subtotal: 1500, discountCodes: ["BOB10"] })] }, SETTINGS).document.totals).toMatchObject({
      revenue: "1500",
      currency: "JPY",
    });
    expect(buildReport({ ...inputs, orders: [] }, SETTINGS).document.totals.currency).toBe("USD");
  });
});

describe("formatCsv", () => {
  it("quotes RFC 4180 style and defuses cells a spreadsheet would run as formulas", () => {
    const roster: Roster = {
      ...ROSTER,
      influencers: [ROSTER.influencers[0]!, { ...ROSTER.influencers[1]!, campaign: 'Big "Spring", sale' }],
      codes: [ROSTER.codes[0]!, { code: "BOB10", influencerId: "bob", campaign: 'Big "Spring", sale' }],
    };
    const orders = [
      order("1", { discountCodes: ["BOB10"] }),
      order("2", { visits: [{ source: "landing_site", utm: { content: "alice", campaign: "=cmd|' /c calc'!a0" } }] }),
    ];
    const csv = formatCsv(buildReport({ roster, orders, clicks: [], engagements: [] }, SETTINGS));
    const lines = csv.split("\r\n");
    expect(lines).toContain('"Big ""Spring"", sale",,"Big ""Spring"", sale",0,1,,,,true,10.00,USD,1,0,0');
    expect(lines).toContain("'=cmd|' /c calc'!a0,,'=cmd|' /c calc'!a0,0,1,,,,true,10.00,USD,0,0,1");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
