// Public API of @icr/cli: the `icr` command as a function, for tests and for embedding.
export { run, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from "./run.js";
export type { CliIo, TextSink } from "./cli-io.js";
export type { ReportDocument, ReportGroup, ReportTotals, ExcludedCounts, OrderReceipt } from "./report/report-document.js";
