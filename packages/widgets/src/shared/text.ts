/** Visitor-facing sentences that several widgets show, written once so they read the same. */
export const NO_DATA = "No data yet";
export const LOW_SAMPLE = "Low sample: too little data to be sure.";
