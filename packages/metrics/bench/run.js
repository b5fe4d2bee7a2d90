// Runs every *.bench.js in this folder, one after another (never in parallel: timings would
// interfere), each in its own node process with --expose-gc so it can measure heap from a clean
// start, plus any flags the file asks for on a "// node-flags: …" line among its first lines.
// Each bench prints one JSON object per benchmark on stdout; this exits non-zero when any bench
// failed to run or missed a target.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((name) => name.endsWith(".bench.js"))
  .sort();

let failed = 0;
for (const file of files) {
  const head = readFileSync(join(here, file), "utf8").split("\n", 5);
  const flags = head.flatMap((line) => /^\/\/ node-flags: (.+)$/.exec(line)?.[1]?.split(/\s+/) ?? []);
  const result = spawnSync(process.execPath, ["--expose-gc", ...flags, join(here, file)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`${file}: exited with ${result.status ?? result.signal}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
