// Every widget in one module: importing it registers <icr-rate>, <icr-leaderboard>,
// <icr-influencer-card>, <icr-trend> and <icr-calculator> (each only if not registered yet).
export { IcrRate } from "./rate/rate.js";
export { IcrLeaderboard } from "./leaderboard/leaderboard.js";
export { IcrInfluencerCard } from "./influencer-card/influencer-card.js";
export { IcrTrend } from "./trend/trend.js";
export { IcrCalculator } from "./calculator/calculator.js";
export { defineElement } from "./shared/define.js";
export type { Benchmark, LeaderboardData, LeaderboardEntry, RateData, Scope, TrendPoint } from "./shared/contract.js";
export type { WidgetErrorCode } from "./shared/widget-error.js";
