import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listDir, scratchDir } from "./test-files.js";
import { UsageError } from "./usage-error.js";
import { writeFileAtomically } from "./write-output.js";

describe("writeFileAtomically", () => {
  it("creates the file, and replaces an existing one, leaving no temporary file", async () => {
    const dir = await scratchDir();
    const path = join(dir, "report.csv");
    await writeFileAtomically(path, "first\n");
    await writeFileAtomically(path, "second\n");
    expect(await readFile(path, "utf8")).toBe("second\n");
    expect(await listDir(dir)).toEqual(["report.csv"]);
  });

  it("fails with a UsageError and leaves the directory as it was", async () => {
    const dir = await scratchDir();
    await writeFile(join(dir, "keep.txt"), "x");
    const missing = join(dir, "no", "report.csv");
    await expect(writeFileAtomically(missing, "text")).rejects.toThrow(new UsageError(`cannot write ${missing}: the directory ${join(dir, "no")} does not exist`));
    await expect(writeFileAtomically(dir, "text")).rejects.toBeInstanceOf(UsageError);
    expect(await listDir(dir)).toEqual(["keep.txt"]);
  });
});
