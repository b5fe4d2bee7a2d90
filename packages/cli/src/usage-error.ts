/**
 * A command line the user has to fix (unknown flag, bad value, missing option): exit code 2.
 * `hint` says what to do, e.g. "run `icr report --help`".
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}
