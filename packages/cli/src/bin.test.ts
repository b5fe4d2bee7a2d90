import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./test-files.js";

const run = promisify(execFile);
const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const TSC = fileURLToPath(new URL("../../../node_modules/typescript/bin/tsc", import.meta.url));

/** Runs the built `icr` as a user would, resolving to exit code and output. */
async function icr(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: FIXTURES });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the built icr binary", () => {
  beforeAll(async () => {
    // The test checks what ships: dist/, built from the current sources.
    await run(process.execPath, [TSC, "-p", "tsconfig.build.json"], { cwd: PACKAGE });
  }, 120_000);

  it("starts with a node shebang", async () => {
    expect((await readFile(BIN, "utf8")).split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("prints the JSON report and exits 0", async () => {
    const { code, stdout, stderr } = await icr([
      "report",
      "--orders",
      "orders_export.csv",
      "--influencers",
      "roster.csv",
      "--clicks",
      "clicks.csv",
      "--format",
      "json",
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect((JSON.parse(stdout) as { totals: unknown }).totals).toEqual({
      orders: 11,
      conversions: 4,
      clicks: 6,
      conversionRatePct: 66.67,
      ci95Pct: [30, 90.32],
      revenue: "125.00",
      currency: "USD",
    });
  });

  it("exits 2 with file and line on bad input, printing nothing on stdout", async () => {
    const { code, stdout, stderr } = await icr(["report", "--orders", "orders_export.csv", "--influencers", "clicks.csv"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('icr: clicks.csv:1: unknown column "id": expected handle, name, email, codes, links, utm, campaign, platform, tags\n');
  });
});
