import { InvalidInputError } from "@icr/metrics";

/**
 * Bad input found in a file named on the command line. Extends the domain's InvalidInputError
 * (whose `path` is a field inside a payload and `line` the file line) with the file's name, so
 * the CLI prints `orders.csv:14: Subtotal: expected an amount` and exits 2.
 *
 * @example
 * throw new InputFileError("roster.csv", "handle is empty", { line: 3 });
 * // message: "roster.csv:3: handle is empty"
 */
export class InputFileError extends InvalidInputError {
  /** The file as the user named it on the command line. */
  readonly file: string;

  constructor(file: string, reason: string, location: { path?: string; line?: number } = {}) {
    super(reason, location);
    this.name = "InputFileError";
    this.file = file;
    const where = location.line === undefined ? file : `${file}:${location.line}`;
    // An empty path is the payload itself: nothing to add to the location.
    const path = location.path === undefined || location.path === "" ? "" : `${location.path}: `;
    this.message = `${where}: ${path}${reason}`;
  }
}

/**
 * Shorthand for the readers: the error for `problem` at `line` of `file` (no line: the whole file).
 *
 * @example
 * inputError("clicks.csv", 7, 'unknown link "summer"').message; // 'clicks.csv:7: unknown link "summer"'
 */
export function inputError(file: string, line: number | undefined, problem: string): InputFileError {
  return new InputFileError(file, problem, line === undefined ? {} : { line });
}

/**
 * Re-throws what a domain normalizer threw for one record as an error naming the file and line;
 * anything that is not bad input (a bug) passes through untouched.
 *
 * @example
 * try { normalizeWebhookOrder(payload) } catch (e) { throw locate(e, "orders.jsonl", 12) }
 */
export function locate(error: unknown, file: string, line: number): unknown {
  if (error instanceof InputFileError || !(error instanceof InvalidInputError)) return error;
  const location: { path?: string; line: number } = { line: error.line ?? line };
  if (error.path !== undefined) location.path = error.path;
  return new InputFileError(file, error.reason, location);
}
