// Test helper (excluded from the build): a scratch directory per test, removed afterwards.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { CliIo } from "./cli-io.js";
import { inputFile, type InputFile } from "./input/input-file.js";

/** Absolute path of packages/cli/test-fixtures. */
export const FIXTURES = new URL("../test-fixtures/", import.meta.url).pathname;

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh empty directory, removed after the current test. */
export async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "icr-cli-test-"));
  made.push(dir);
  return dir;
}

/** Writes `text` to `name` in a fresh scratch directory and returns it as an InputFile. */
export async function scratchFile(name: string, text: string | Buffer): Promise<InputFile> {
  const dir = await scratchDir();
  await writeFile(join(dir, name), text);
  return inputFile(name, dir);
}

/** The names of the files in `dir`, sorted. */
export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** A CliIo whose output is collected in strings. */
export function memoryIo(cwd: string, isTTY = false): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    cwd,
    isTTY,
    out: () => out,
    err: () => err,
  };
}
