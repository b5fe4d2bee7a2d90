import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { inputError } from "./input-error.js";

/** A file named on the command line: `name` as the user typed it (for messages), `path` resolved. */
export interface InputFile {
  name: string;
  path: string;
}

/**
 * Resolves a command-line path against the working directory, keeping the typed name for messages.
 *
 * @example
 * inputFile("orders.csv", "/home/me"); // { name: "orders.csv", path: "/home/me/orders.csv" }
 */
export function inputFile(name: string, cwd: string): InputFile {
  return { name, path: resolve(cwd, name) };
}

/**
 * Fails with a clear message unless `file` exists and is a regular file, so readers start only
 * on something they can read. Resolves to the file's size in bytes (0 for an empty file).
 *
 * @example
 * await checkReadable(inputFile("missing.csv", cwd)); // throws "missing.csv: file not found"
 */
export async function checkReadable(file: InputFile): Promise<number> {
  try {
    const info = await stat(file.path);
    if (info.isDirectory()) throw inputError(file.name, undefined, "is a directory, not a file");
    return info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw inputError(file.name, undefined, `file not found (looked for ${file.path})`);
    }
    if (code === "EACCES") throw inputError(file.name, undefined, "permission denied");
    throw error;
  }
}
