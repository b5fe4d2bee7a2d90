/**
 * Why a widget could not show its numbers: the public API's error codes (docs/public-api.md), and
 * what can go wrong on the way (network, timeout, a payload that breaks the contract).
 */
export type WidgetErrorCode =
  | "not_published"
  | "not_found"
  | "rate_limited"
  | "bad_request"
  | "network"
  | "timeout"
  | "invalid";

/** The short text a visitor sees for each failure: no stack, no server detail. */
const TEXT: Record<WidgetErrorCode, string> = {
  not_published: "Not published.",
  not_found: "Not found.",
  rate_limited: "Too many requests. Try again later.",
  bad_request: "Bad request.",
  network: "Could not load.",
  timeout: "Timed out.",
  invalid: "Invalid data.",
};

/**
 * An expected failure, with a code a page can act on (the `icr-error` event carries it) and a
 * message fit to show.
 *
 * @example
 * new WidgetError("rate_limited").message; // "Too many requests. Try again later."
 * new WidgetError("invalid", "Invalid data: data.ratePct").message; // as given
 */
export class WidgetError extends Error {
  constructor(
    readonly code: WidgetErrorCode,
    message = TEXT[code],
  ) {
    super(message);
  }
}
