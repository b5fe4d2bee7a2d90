/** Anything `icr` can write text to: `process.stdout`, `process.stderr`, or a test's buffer. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * The outside world of one `icr` run, passed in so tests run the command in-process.
 * `isTTY` says whether stderr is a terminal: progress lines are drawn only there (or with `--progress`).
 */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Directory that relative paths in arguments are resolved against. */
  cwd: string;
  isTTY: boolean;
}
