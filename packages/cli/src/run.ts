import { InvalidInputError } from "@icr/metrics";
import type { CliIo } from "./cli-io.js";
import { linkCommand } from "./commands/link-command.js";
import { reportCommand } from "./commands/report-command.js";
import { LINK_HELP, MAIN_HELP, REPORT_HELP } from "./help.js";
import { UsageError } from "./usage-error.js";
import { cliVersion } from "./version.js";

/** Exit codes: the contract scripts rely on. */
export const EXIT_OK = 0;
/** A bug in icr itself (the message says "internal error"). */
export const EXIT_INTERNAL = 1;
/** Bad arguments or bad input: the message says what to fix. */
export const EXIT_USAGE = 2;

const HELP_BY_COMMAND: Record<string, string> = { report: REPORT_HELP, link: LINK_HELP };

/**
 * Runs one `icr` command line (`argv` without node and the script) against `io` and resolves to
 * the exit code. Output goes to `io.stdout` only when the command succeeds; every problem becomes
 * one `icr: …` message on `io.stderr` (bad arguments or input: exit 2, naming file and line where
 * there is one). With no arguments it prints the help on stderr and exits 2.
 *
 * @example
 * const code = await run(["report", "--orders", "orders.csv", "--influencers", "roster.csv"], {
 *   stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), isTTY: false,
 * });
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr.write(MAIN_HELP);
        return EXIT_USAGE;
      case "-h":
      case "--help":
        io.stdout.write(MAIN_HELP);
        return EXIT_OK;
      case "help":
        return showHelp(rest, io);
      case "--version":
        io.stdout.write(`${cliVersion()}\n`);
        return EXIT_OK;
      case "report":
        await reportCommand(rest, io);
        return EXIT_OK;
      case "link":
        io.stdout.write(linkCommand(rest));
        return EXIT_OK;
      default:
        throw new UsageError(
          command.startsWith("-") ? `unknown option ${command} before the command` : `unknown command "${command}"`,
          'run "icr --help" to see the commands (report, link)',
        );
    }
  } catch (error) {
    return reportFailure(error, io);
  }
}

function showHelp(topics: readonly string[], io: CliIo): number {
  const [topic, ...extra] = topics;
  if (topic === undefined) {
    io.stdout.write(MAIN_HELP);
    return EXIT_OK;
  }
  const help = HELP_BY_COMMAND[topic];
  if (help === undefined || extra.length > 0) {
    throw new UsageError(`no help on "${topics.join(" ")}"`, 'run "icr --help" to see the commands (report, link)');
  }
  io.stdout.write(help);
  return EXIT_OK;
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`icr: ${error.message}\n${error.hint === undefined ? "" : `${error.hint}\n`}`);
    return EXIT_USAGE;
  }
  if (error instanceof InvalidInputError) {
    io.stderr.write(`icr: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`icr: internal error, please report it with the command you ran:\n${detail}\n`);
  return EXIT_INTERNAL;
}
