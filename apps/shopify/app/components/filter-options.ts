// The choices the dashboard, the influencer page and the campaign form offer, in Polaris Select's
// shape, so every page names a period, a goal and a denominator the same way.

/** Preset periods, in days (the dashboard adds "Custom range"). */
export const RANGE_OPTIONS = [
  { label: "Last 7 days", value: "7" },
  { label: "Last 30 days", value: "30" },
  { label: "Last 90 days", value: "90" },
];

/** Conversion goals (METRICS.md §1). */
export const GOAL_OPTIONS = [
  { label: "Purchase", value: "purchase" },
  { label: "Sign-up", value: "signup" },
];

/** What a rate is divided by. */
export const DENOMINATOR_OPTIONS = [
  { label: "Click", value: "clicks" },
  { label: "Engagement", value: "engagements" },
];
