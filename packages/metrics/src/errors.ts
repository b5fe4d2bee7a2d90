/** Where a bad input was found: a field path inside a payload, and/or the line of a file. */
export interface InputLocation {
  /** Field path inside the payload, e.g. `discount_codes[1].code`. */
  path?: string;
  /** 1-based line of the file (CSV row, JSON Lines entry) the input came from. */
  line?: number;
}

/**
 * Thrown by every normalizer when an input from outside (webhook payload, GraphQL node, export row)
 * cannot be turned into an `Order`. The message says what was wrong; `path` and `line` say where,
 * so the CLI can print "orders.csv:14: Subtotal: …" and the app can answer 422 with the field.
 *
 * @example
 * throw new InvalidInputError("expected a string", { path: "discount_codes[1].code" });
 * // message: "discount_codes[1].code: expected a string"
 */
export class InvalidInputError extends Error {
  readonly path?: string;
  readonly line?: number;
  /** The problem alone, without the location prefix (for callers that format their own). */
  readonly reason: string;

  constructor(reason: string, location: InputLocation = {}) {
    super(formatMessage(reason, location));
    this.name = "InvalidInputError";
    this.reason = reason;
    if (location.path !== undefined) this.path = location.path;
    if (location.line !== undefined) this.line = location.line;
  }

  /**
   * The same error located at `line` (and under `pathPrefix`), for a reader that learns the line
   * only after a nested normalizer threw.
   *
   * @example
   * err.at({ line: 14 }); // message "line 14: Subtotal: …"
   */
  at(location: InputLocation): InvalidInputError {
    const path =
      location.path === undefined
        ? this.path
        : this.path === undefined
          ? location.path
          : `${location.path}.${this.path}`;
    const merged: InputLocation = {};
    if (path !== undefined) merged.path = path;
    const line = location.line ?? this.line;
    if (line !== undefined) merged.line = line;
    return new InvalidInputError(this.reason, merged);
  }
}

function formatMessage(reason: string, { path, line }: InputLocation): string {
  const where = [line === undefined ? undefined : `line ${line}`, path].filter((p) => p !== undefined && p !== "");
  return where.length === 0 ? reason : `${where.join(": ")}: ${reason}`;
}
