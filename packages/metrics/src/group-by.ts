/**
 * How a summary splits its rows: one of the three scopes (overall, influencer, campaign, and
 * influencer × campaign) or a segment (METRICS.md §1).
 */
export type GroupBy =
  | "overall"
  | "influencer"
  | "campaign"
  | "influencer,campaign"
  | "platform"
  | "tag"
  | "campaignType"
  | "customerType"
  | "country"
  | "device"
  | "product"
  | "day"
  | "week"
  | "month";

/** Every grouping, in the order help texts list them. */
export const GROUP_BY_VALUES: readonly GroupBy[] = Object.freeze([
  "overall",
  "influencer",
  "campaign",
  "influencer,campaign",
  "platform",
  "tag",
  "campaignType",
  "customerType",
  "country",
  "device",
  "product",
  "day",
  "week",
  "month",
] as const);

/**
 * Reads a grouping from user input (a CLI flag, a query string): case and spaces around the comma
 * do not matter, so "Influencer, Campaign" and "campaigntype" are accepted.
 *
 * @returns the canonical GroupBy.
 * @throws RangeError listing the valid values when the text names none of them (including "").
 * @example
 * parseGroupBy("influencer, campaign"); // "influencer,campaign"
 * parseGroupBy("CampaignType");         // "campaignType"
 */
export function parseGroupBy(text: string): GroupBy {
  const wanted = typeof text === "string" ? text.trim().replace(/\s*,\s*/g, ",").toLowerCase() : "";
  const found = GROUP_BY_VALUES.find((value) => value.toLowerCase() === wanted);
  if (found === undefined) {
    throw new RangeError(`unknown grouping ${JSON.stringify(text)}: use one of ${GROUP_BY_VALUES.join(", ")}`);
  }
  return found;
}
