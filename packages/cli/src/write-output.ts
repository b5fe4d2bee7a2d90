import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./usage-error.js";

/**
 * Writes `text` to `path` atomically: into a temporary file beside it, then renamed over it, so a
 * reader (or a crash half-way) never sees a half-written report and an existing file is replaced
 * only by a complete one (empty `text` makes an empty file). The temporary file is removed if
 * anything fails. An unwritable place is a UsageError naming the path.
 *
 * @example
 * await writeFileAtomically("/reports/march.json", json); // /reports/march.json now holds json
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`cannot write ${path}: the directory ${dirname(path)} does not exist`);
    if (code === "EACCES" || code === "EPERM") throw new UsageError(`cannot write ${path}: permission denied`);
    if (code === "EISDIR") throw new UsageError(`cannot write ${path}: it is a directory`);
    throw error;
  }
}
