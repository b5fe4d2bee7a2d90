import { afterEach, describe, expect, it } from "vitest";
import type { LeaderboardEntry } from "../shared/contract.js";
import { cleanup, eventually, fakeFetch, json, mount, part, textOf } from "../shared/test-fixture.js";
import type { IcrLeaderboard } from "./leaderboard.component.js";
import "./leaderboard.js";

const ROWS: LeaderboardEntry[] = [
  { rank: 1, handle: "bob", name: "Bob Stone", platform: "tiktok", clicks: 10000, conversions: 400, ratePct: 4, ci95Pct: [3.63, 4.4], shrunkPct: 3.98, lowSample: false },
  { rank: 2, handle: "alice", name: "Alice Rivera", platform: "instagram", clicks: 1000, conversions: 50, ratePct: 5, ci95Pct: [3.81, 6.53], shrunkPct: 3.9, lowSample: false },
  { rank: 3, handle: "carol", clicks: 2, conversions: 1, ratePct: 50, ci95Pct: [9.45, 90.55], shrunkPct: 3.1, lowSample: true },
];

function board(influencers: unknown[], attributes = ""): Promise<IcrLeaderboard> {
  const data = JSON.stringify({ goal: "purchase", denominator: "clicks", influencers }).replace(/'/g, "&#39;");
  return mount<IcrLeaderboard>(`<icr-leaderboard ${attributes} data='${data}'></icr-leaderboard>`);
}

/** Each body row's cells, as text. */
function cells(el: IcrLeaderboard): string[][] {
  return [...el.shadowRoot!.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => textOf(c)));
}

describe("<icr-leaderboard>", () => {
  afterEach(cleanup);

  it("lists the influencers in the server's order, with raw rate and shrunk estimate", async () => {
    const el = await board(ROWS);
    expect(textOf(part(el, "caption")!)).toBe("Top influencers");
    expect([...el.shadowRoot!.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "#",
      "Influencer",
      "Clicks",
      "Conversions",
      "Rate",
      "Estimate",
    ]);
    expect(cells(el)).toEqual([
      ["1", "Bob Stone tiktok", "10,000", "400", "4%", "3.98%"],
      ["2", "Alice Rivera instagram", "1,000", "50", "5%", "3.9%"],
      ["3", "carol Low sample", "2", "1", "50%", "3.1%"],
    ]);
  });

  it("flags low-sample rows and names every row by its header cell", async () => {
    const el = await board(ROWS);
    const flags = [...el.shadowRoot!.querySelectorAll('[part~="flag"]')];
    expect(flags.map((f) => f.closest("tr")!.querySelector('[part~="name"]')!.textContent)).toEqual(["carol"]);
    expect([...el.shadowRoot!.querySelectorAll("tbody th")].every((th) => th.getAttribute("scope") === "row")).toBe(true);
  });

  it("shows a hostile name as text and never turns a URL into a link", async () => {
    const el = await board([
      { handle: "x", name: `<img src=x onerror="window.pwned=1">`, platform: "https://evil.example", ratePct: 1 },
    ]);
    expect(part(el, "name")!.textContent).toBe(`<img src=x onerror="window.pwned=1">`);
    expect(part(el, "platform")!.textContent).toBe("https://evil.example");
    expect(el.shadowRoot!.querySelector("img, a")).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it("shows missing numbers as dashes and ranks rows without a rank by position", async () => {
    const el = await board([{ handle: "dan", ratePct: null }]);
    expect(cells(el)).toEqual([["1", "dan", "–", "–", "–", "–"]]);
  });

  it("says so when there is nobody to rank", async () => {
    const el = await board([]);
    expect(el.shadowRoot!.querySelector("thead")).toBeNull();
    expect(part(el, "status")!.textContent).toBe("No influencers yet");
    expect(part(el, "status")!.getAttribute("role")).toBe("status");
  });

  it("shows at most `limit` rows and reserves room for them before loading", async () => {
    const el = await board(ROWS, 'limit="2" label="Spring campaign"');
    expect(cells(el)).toHaveLength(2);
    expect(textOf(part(el, "caption")!)).toBe("Spring campaign");
    expect(el.style.getPropertyValue("--icr-rows")).toBe("2");
    fakeFetch(() => new Promise<Response>(() => {}));
    const small = await mount<IcrLeaderboard>(`<icr-leaderboard limit="3" src="https://x.example/l"></icr-leaderboard>`);
    const big = await mount<IcrLeaderboard>(`<icr-leaderboard limit="20" src="https://x.example/l"></icr-leaderboard>`);
    expect(big.getBoundingClientRect().height).toBeGreaterThan(small.getBoundingClientRect().height * 3);
  });

  it("falls back to 10 rows for a limit that is not a positive number", async () => {
    const el = await board(Array.from({ length: 12 }, (_, i) => ({ handle: `h${i}`, ratePct: i })), 'limit="zero"');
    expect(cells(el)).toHaveLength(10);
  });

  it("loads src and reports a rejected payload", async () => {
    fakeFetch(() => json({ influencers: [{ handle: 5, ratePct: 1 }] }));
    const el = await mount<IcrLeaderboard>(`<icr-leaderboard src="https://x.example/leaderboard"></icr-leaderboard>`);
    await eventually(() => expect(part(el, "status")!.textContent).toBe("Invalid data: data.influencers[0].handle"));
  });
});
