#!/usr/bin/env node
// The `icr` executable: everything happens in run(), which tests call in-process.
import { run } from "./run.js";

// `icr report | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  isTTY: process.stderr.isTTY === true,
});
