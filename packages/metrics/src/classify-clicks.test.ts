import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyClick, classifyClicks, DEDUPE_WINDOW_MS, isBotUserAgent } from "./classify-clicks.js";
import type { Click } from "./types.js";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const INSTAGRAM_IN_APP = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 334.0.4.32.98 (iPhone14,5; iOS 17_5; en_US; en; scale=3.00; 1170x2532; 602440475)";
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 1, 9, 0);

function click(id: string, minutes: number, overrides: Partial<Click> = {}): Click {
  return { id, at: T0 + minutes * MINUTE, link: "alice-ig", influencerId: "alice", visitor: "v1", userAgent: IPHONE, method: "GET", ...overrides };
}

describe("isBotUserAgent", () => {
  // User agents as each service documents or sends them.
  it.each([
    ["Slack", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"],
    ["Slack image proxy", "Slack-ImgProxy (+https://api.slack.com/robots)"],
    ["WhatsApp", "WhatsApp/2.23.20.0 A"],
    ["Facebook", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"],
    ["Twitter / X", "Twitterbot/1.0"],
    ["LinkedIn", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"],
    ["Telegram", "TelegramBot (like TwitterBot)"],
    ["Discord", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)"],
    ["Skype / Teams", "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com"],
    ["iMessage preview", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0"],
    ["Applebot", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)"],
    ["Pinterest", "Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)"],
    ["Embedly", "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)"],
    ["Viber", "Viber/13.3.0.8 CFNetwork/1220.1 Darwin/20.3.0"],
    ["Microsoft Office", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.12026; Pro)"],
    ["Googlebot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"],
    ["curl", "curl/8.5.0"],
    ["an empty user agent", ""],
    ["a blank user agent", "   "],
    ["no user agent", undefined],
  ])("%s is a bot", (_name, ua) => {
    expect(isBotUserAgent(ua)).toBe(true);
  });

  it.each([
    ["desktop Chrome", CHROME],
    ["iPhone Safari", IPHONE],
    ["Instagram's in-app browser", INSTAGRAM_IN_APP],
    ["TikTok's in-app browser", "Mozilla/5.0 (Linux; Android 13; SM-S908B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 trill_330304 BytedanceWebview/d8a21c6"],
  ])("%s is a person", (_name, ua) => {
    expect(isBotUserAgent(ua)).toBe(false);
  });

  it("gives the same verdicts once its cache of user agents has filled and dropped the oldest", () => {
    const before = [isBotUserAgent(IPHONE), isBotUserAgent("curl/8.5.0"), isBotUserAgent(" ")];
    // More distinct user agents than the cache keeps (10,000), half of them bots.
    for (let i = 0; i < 12_000; i++) {
      expect(isBotUserAgent(i % 2 === 0 ? `${CHROME} build/${i}` : `curl/${i}.0`)).toBe(i % 2 === 1);
    }
    expect([isBotUserAgent(IPHONE), isBotUserAgent("curl/8.5.0"), isBotUserAgent(" ")]).toEqual(before);
    expect(before).toEqual([false, true, true]);
  });
});

describe("classifyClick", () => {
  it("counts the first human click", () => {
    expect(classifyClick(click("a", 0))).toMatchObject({ id: "a", bot: false, counted: true });
  });

  it.each([
    [59, false],
    [60, true],
    [61, true],
  ])("a click %i minutes after the last counted one counts: %s", (minutes, counted) => {
    expect(classifyClick(click("b", minutes), T0).counted).toBe(counted);
  });

  it("does not count a late-arriving click within 60 minutes before the last counted one", () => {
    expect(classifyClick(click("b", -30), T0).counted).toBe(false);
    expect(classifyClick(click("b", -90), T0).counted).toBe(true);
  });

  it.each([
    ["a HEAD request", { method: "HEAD" }],
    ["a lower-case head request", { method: "head" }],
    ["a preview fetcher", { userAgent: "WhatsApp/2.23.20.0 A" }],
    ["no user agent", { userAgent: undefined }],
  ])("records %s as a bot, never counted", (_label, overrides) => {
    expect(classifyClick(click("a", 0, overrides))).toMatchObject({ bot: true, counted: false });
  });

  it("keeps every recorded field", () => {
    const c = click("a", 0, { country: "FR", device: "mobile", campaign: "spring" });
    expect(classifyClick(c)).toEqual({ ...c, bot: false, counted: true });
  });

  it("keeps the caller's own fields beside the click's, typed", () => {
    const classified = classifyClick({ ...click("a", 0), linkId: "link-row-7" }, T0 - 30 * MINUTE);
    const linkId: string = classified.linkId;
    expect(linkId).toBe("link-row-7");
    expect(classified).toMatchObject({ id: "a", bot: false, counted: false });
  });
});

describe("classifyClicks", () => {
  it("returns [] for no clicks", () => {
    expect(classifyClicks([])).toEqual([]);
  });

  it("counts a visitor's clicks on a link once per sliding 60-minute window from the last counted click", () => {
    // 09:00 counts; 09:30 and 09:59 fall in its window; 10:00 counts (60 minutes on); 10:30 does not;
    // 11:15 counts. Clock hours would have counted 09:59 and 10:00 both (different hours).
    const result = classifyClicks([0, 30, 59, 60, 90, 135].map((m, i) => click(`c${i}`, m)));
    expect(result.map((c) => c.counted)).toEqual([true, false, false, true, false, true]);
  });

  it("measures the window from the last COUNTED click, not the last click", () => {
    // Clicks every 40 minutes: 0 counts, 40 does not, 80 counts (80 - 0 >= 60), 120 does not.
    expect(classifyClicks([0, 40, 80, 120].map((m, i) => click(`c${i}`, m))).map((c) => c.counted)).toEqual([true, false, true, false]);
  });

  it("keeps visitors and links apart", () => {
    const result = classifyClicks([
      click("a", 0),
      click("b", 5, { visitor: "v2" }),
      click("c", 10, { link: "alice-tt" }),
      click("d", 15),
    ]);
    expect(result.map((c) => c.counted)).toEqual([true, true, true, false]);
  });

  it("leaves bots out of the denominator without letting them open a window", () => {
    const result = classifyClicks([click("bot", 0, { userAgent: "Twitterbot/1.0" }), click("head", 1, { method: "HEAD" }), click("human", 2)]);
    expect(result.map((c) => [c.id, c.bot, c.counted])).toEqual([
      ["bot", true, false],
      ["head", true, false],
      ["human", false, true],
    ]);
  });

  it("returns the clicks in input order", () => {
    const result = classifyClicks([click("late", 120), click("early", 0), click("mid", 30)]);
    expect(result.map((c) => [c.id, c.counted])).toEqual([
      ["late", true],
      ["early", true],
      ["mid", false],
    ]);
  });

  it("gives every click the same classification whatever order the clicks come in", () => {
    const clickArb = fc.record({
      minutes: fc.integer({ min: 0, max: 600 }),
      link: fc.constantFrom("alice-ig", "bob-tt"),
      visitor: fc.constantFrom("v1", "v2", "v3"),
      bot: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(clickArb, { maxLength: 40 }), fc.func(fc.integer()), (specs, key) => {
        const input = specs.map((s, i) =>
          click(`c${i}`, s.minutes, { link: s.link, visitor: s.visitor, userAgent: s.bot ? "Discordbot/2.0" : IPHONE }),
        );
        const shuffled = input.map((c, i) => ({ c, k: key(i) })).sort((a, b) => a.k - b.k).map(({ c }) => c);
        const byId = (list: ReturnType<typeof classifyClicks>) => Object.fromEntries(list.map((c) => [c.id, [c.bot, c.counted]]));
        expect(byId(classifyClicks(shuffled))).toEqual(byId(classifyClicks(input)));
        // And no two counted clicks of one visitor on one link are closer than the window.
        const counted = classifyClicks(input).filter((c) => c.counted);
        for (const a of counted) {
          for (const b of counted) {
            if (a !== b && a.link === b.link && a.visitor === b.visitor) expect(Math.abs(a.at - b.at)).toBeGreaterThanOrEqual(DEDUPE_WINDOW_MS);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("accepts any iterable", () => {
    function* generate() {
      yield click("a", 0);
      yield click("b", 61);
    }
    expect(classifyClicks(generate()).map((c) => c.counted)).toEqual([true, true]);
  });
});
