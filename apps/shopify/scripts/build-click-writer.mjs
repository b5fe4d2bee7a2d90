// Bundles the click writer thread (app/services/click-writer.worker.ts) into build/server/click-writer.js,
// beside the server build, so the production server can start it as a worker; packages stay imports.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles one TypeScript entry of the app into an ES module `outfile` that plain node runs. */
export async function bundleForNode(entry, outfile) {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
  return outfile;
}

/** Writes the click writer thread's bundle to `outfile` (tests and benchmarks build their own copy). */
export function buildClickWriter(outfile = join(appDir, "build", "server", "click-writer.js")) {
  return bundleForNode(join(appDir, "app", "services", "click-writer.worker.ts"), outfile);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildClickWriter();
