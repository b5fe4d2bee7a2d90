import { describe, expect, it } from "vitest";
import { embedElement, embedSnippet, embedSourceUrl, type EmbedOptions } from "./public-embed-snippet";

const base: EmbedOptions = { widget: "rate", scope: "overall", target: "", days: 30, goal: "purchase", limit: 10 };
const APP = "https://icr.example/";

describe("embed snippet", () => {
  it("points each widget at the contract's endpoint (docs/public-api.md)", () => {
    expect(embedSourceUrl(APP, "pk_1", base)).toBe("https://icr.example/api/public/v1/pk_1/rate?scope=overall&days=30&goal=purchase");
    expect(embedSourceUrl(APP, "pk_1", { ...base, widget: "trend", scope: "campaign", target: "spring", days: 90 })).toBe(
      "https://icr.example/api/public/v1/pk_1/rate?scope=campaign&campaign=spring&days=90&goal=purchase",
    );
    expect(embedSourceUrl(APP, "pk_1", { ...base, widget: "influencer-card", scope: "overall", target: "alice", goal: "signup" })).toBe(
      "https://icr.example/api/public/v1/pk_1/rate?scope=influencer&influencer=alice&days=30&goal=signup",
    );
    expect(embedSourceUrl(APP, "pk_1", { ...base, widget: "leaderboard", scope: "campaign", target: "spring", limit: 5 })).toBe(
      "https://icr.example/api/public/v1/pk_1/leaderboard?limit=5&days=30&goal=purchase&campaign=spring",
    );
    expect(embedSourceUrl(APP, "pk_1", { ...base, widget: "calculator" })).toBeNull();
  });

  it("writes the script tag and the element, with the rate's display options", () => {
    expect(embedSnippet(APP, "pk_1", base)).toBe(
      '<script type="module" src="https://icr.example/widgets/icr-widgets.js"></script>\n' +
        '<icr-rate src="https://icr.example/api/public/v1/pk_1/rate?scope=overall&amp;days=30&amp;goal=purchase" show-interval show-benchmark show-change></icr-rate>',
    );
    expect(embedElement(APP, "pk_1", { ...base, widget: "calculator" })).toEqual({ tag: "icr-calculator", attributes: [] });
  });

  it("cannot be broken out of by a hostile handle", () => {
    const snippet = embedSnippet(APP, "pk_1", { ...base, scope: "influencer", target: '"><img src=x onerror=alert(1)>' });
    expect(snippet).not.toContain("<img");
    expect(snippet.split("\n")[1]).toMatch(/^<icr-rate src="[^"]*" show-interval show-benchmark show-change><\/icr-rate>$/);
  });
});
