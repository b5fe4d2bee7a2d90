// Public API of @icr/metrics: one line per module, grouped by concern.
export type * from "./types.js";
