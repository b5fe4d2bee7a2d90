import { parseArgs } from "node:util";
import { UsageError } from "./usage-error.js";

/** Flags of one command, in `util.parseArgs` form: every flag is a string or a boolean. */
export type FlagSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/** Parsed flags: strings for string flags, booleans for boolean flags, absent when not given. */
export type FlagValues = Record<string, string | boolean | undefined>;

/**
 * Parses `args` strictly with node's `util.parseArgs` (no positionals, each flag at most once)
 * and turns its errors into a UsageError that names the flag and points to `command`'s help.
 * Returns `{}` for no arguments.
 *
 * @example
 * parseFlags(["--format", "json"], { format: { type: "string" } }, "report"); // { format: "json" }
 * parseFlags(["--fromat", "json"], { format: { type: "string" } }, "report");
 * // throws UsageError: unknown option --fromat (hint: run "icr report --help")
 */
export function parseFlags(args: readonly string[], spec: FlagSpec, command: string): FlagValues {
  const hint = `run "icr ${command} --help" to see the options`;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options: spec, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    throw new UsageError(describeParseError(error), hint);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice; give it once`, hint);
    seen.add(token.name);
  }
  const values: FlagValues = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "string" || typeof value === "boolean") values[name] = value;
  }
  return values;
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const flag = /'([^']+)'/u.exec(message)?.[1] ?? "";
    return `unknown option ${flag}`.trim();
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const argument = /'([^']+)'/u.exec(message)?.[1] ?? "";
    return `unexpected argument "${argument}" (every value follows its --option)`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /'(--[^' ]+)/u.exec(message)?.[1];
    if (message.includes("argument missing")) return `${flag ?? "an option"} needs a value`;
    if (message.includes("does not take an argument")) return `${flag ?? "an option"} takes no value`;
  }
  return message;
}

/**
 * A string flag's value, or a UsageError when it is missing and required.
 *
 * @example
 * requireString({ orders: "o.csv" }, "orders", "report"); // "o.csv"
 * requireString({}, "orders", "report"); // throws "--orders FILE is required"
 */
export function requireString(values: FlagValues, name: string, command: string, placeholder = "FILE"): string {
  const value = values[name];
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new UsageError(`--${name} ${placeholder} is required`, `run "icr ${command} --help" to see the options`);
}

/**
 * A string flag's value when given (trimmed), undefined when absent; an empty value is an error.
 *
 * @example
 * optionalString({ clicks: "c.csv" }, "clicks", "report"); // "c.csv"
 * optionalString({}, "clicks", "report");                  // undefined
 */
export function optionalString(values: FlagValues, name: string, command: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  throw new UsageError(`--${name} needs a non-empty value`, `run "icr ${command} --help" to see the options`);
}

/**
 * A string flag restricted to `choices` (default when absent), else a UsageError listing them.
 *
 * @example
 * oneOf({ format: "csv" }, "format", ["table", "json", "csv"], "table", "report"); // "csv"
 */
export function oneOf<T extends string>(
  values: FlagValues,
  name: string,
  choices: readonly T[],
  fallback: T,
  command: string,
): T {
  const value = optionalString(values, name, command);
  if (value === undefined) return fallback;
  const choice = choices.find((candidate) => candidate === value.toLowerCase());
  if (choice === undefined) {
    throw new UsageError(`--${name} must be ${choices.join(", ").replace(/, ([^,]*)$/u, " or $1")}, not "${value}"`);
  }
  return choice;
}
