/**
 * The Embed page's snippet: the script tag that loads the widget bundle from the app, and one
 * widget element pointed at the public API. Plain functions, used on the server (tests) and in the
 * browser (the page rebuilds the snippet and the live preview as the merchant picks options).
 */

export type EmbedWidget = "rate" | "leaderboard" | "influencer-card" | "trend" | "calculator";

export interface EmbedOptions {
  widget: EmbedWidget;
  /** For rate and trend: overall, an influencer (by handle) or a campaign (by key). */
  scope: "overall" | "influencer" | "campaign";
  /** The influencer's handle or the campaign's key; ignored for the overall scope. */
  target: string;
  days: number;
  goal: "purchase" | "signup";
  /** Leaderboard rows. */
  limit: number;
}

/** The element and its attributes, in order: what the snippet prints and the preview creates. */
export interface EmbedElement {
  tag: string;
  attributes: [string, string][];
}

/**
 * The public API URL a widget reads.
 *
 * @example embedSourceUrl("https://icr.example", "pk_1", { widget: "rate", scope: "overall", target: "", days: 30, goal: "purchase", limit: 10 });
 * // "https://icr.example/api/public/v1/pk_1/rate?scope=overall&days=30&goal=purchase"
 * @returns the URL; null for the calculator, which needs no data.
 */
export function embedSourceUrl(appUrl: string, publicKey: string, options: EmbedOptions): string | null {
  const base = `${appUrl.replace(/\/+$/, "")}/api/public/v1/${encodeURIComponent(publicKey)}`;
  const query = new URLSearchParams();
  switch (options.widget) {
    case "calculator":
      return null;
    case "leaderboard":
      query.set("limit", String(options.limit));
      query.set("days", String(options.days));
      query.set("goal", options.goal);
      if (options.scope === "campaign" && options.target) query.set("campaign", options.target);
      return `${base}/leaderboard?${query}`;
    default: {
      const scope = options.widget === "influencer-card" ? "influencer" : options.scope;
      query.set("scope", scope);
      if (scope !== "overall") query.set(scope, options.target);
      query.set("days", String(options.days));
      query.set("goal", options.goal);
      return `${base}/rate?${query}`;
    }
  }
}

/**
 * The widget element for these options.
 *
 * @example embedElement("https://icr.example", "pk_1", { widget: "leaderboard", …, limit: 5 });
 * // { tag: "icr-leaderboard", attributes: [["src", "https://…/leaderboard?limit=5&…"], ["limit", "5"]] }
 * @returns the tag and attributes; the calculator gets no `src`.
 */
export function embedElement(appUrl: string, publicKey: string, options: EmbedOptions): EmbedElement {
  const src = embedSourceUrl(appUrl, publicKey, options);
  const attributes: [string, string][] = src ? [["src", src]] : [];
  if (options.widget === "rate") attributes.push(["show-interval", ""], ["show-benchmark", ""], ["show-change", ""]);
  if (options.widget === "leaderboard") attributes.push(["limit", String(options.limit)]);
  return { tag: `icr-${options.widget}`, attributes };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * The HTML to paste into a page: the module script and the element.
 *
 * @example embedSnippet("https://icr.example", "pk_1", options);
 * // '<script type="module" src="https://icr.example/widgets/icr-widgets.js"></script>\n<icr-rate src="…" show-interval …></icr-rate>'
 * @returns two lines of HTML, attribute values escaped (a handle can never break out of its quotes).
 */
export function embedSnippet(appUrl: string, publicKey: string, options: EmbedOptions): string {
  const element = embedElement(appUrl, publicKey, options);
  const attributes = element.attributes.map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join("");
  return `<script type="module" src="${escapeAttribute(appUrl.replace(/\/+$/, ""))}/widgets/icr-widgets.js"></script>\n<${element.tag}${attributes}></${element.tag}>`;
}

/**
 * The key the Embed page uses for one publish switch (the server lists the ones that are on).
 *
 * @example publicationKey({ widget: "rate", scope: "overall", target: "" }); // "rate|overall|"
 * @returns "widget|scope|target".
 */
export function publicationKey(p: { widget: string; scope: string; target: string }): string {
  return `${p.widget}|${p.scope}|${p.target}`;
}
