/**
 * A command line the user has to fix (unknown flag, bad value, missing option): exit code 2.
 * `hint` says what to do, e.g. "run `icr report --help`"; it may be left out.
 *
 * @example
 * throw new UsageError("--format must be table, json or csv", 'run "icr report --help" to see the options');
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}
