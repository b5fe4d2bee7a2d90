import { readFileSync } from "node:fs";

/**
 * The version of @icr/cli, read from its package.json (one directory above both `src/` and
 * `dist/`, so it works from the sources in tests and from the build). Returns "unknown" if the
 * file cannot be read, rather than failing `--version`.
 *
 * @example
 * cliVersion(); // "0.1.0"
 */
export function cliVersion(): string {
  try {
    const text = readFileSync(new URL("../package.json", import.meta.url), "utf8");
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === "string" ? version : "unknown";
  } catch {
    return "unknown";
  }
}
