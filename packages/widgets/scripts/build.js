// @ts-check
/**
 * `npm run build`: the widget bundles into dist/, their type declarations into dist/types/,
 * custom-elements.json (generated from the sources, never by hand), and copies of the all-in-one
 * bundle and the click-capture script into the theme app extension's assets/.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PACKAGE_DIR, bundleAll } from "./bundle.js";
import { analyze } from "./custom-elements-manifest.js";
import { EXTENSION_ASSETS, EXTENSION_FILES } from "./extension-assets.js";

const dist = join(PACKAGE_DIR, "dist");
const files = await bundleAll(dist);

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", join(PACKAGE_DIR, "tsconfig.build.json")], { stdio: "inherit" });

await writeFile(join(PACKAGE_DIR, "custom-elements.json"), `${JSON.stringify(await analyze(PACKAGE_DIR), null, 2)}\n`);

await mkdir(EXTENSION_ASSETS, { recursive: true });
for (const file of EXTENSION_FILES) await copyFile(join(dist, file), join(EXTENSION_ASSETS, file));

console.log(`widgets: built ${files.join(", ")}; custom-elements.json; copied ${EXTENSION_FILES.join(", ")} to the theme extension`);
