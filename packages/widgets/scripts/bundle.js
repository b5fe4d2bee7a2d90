// @ts-check
/**
 * Bundles the widgets with Vite (Rollup + esbuild): one ESM file with every widget, one
 * self-contained ESM file per widget, and the storefront click-capture script as a classic IIFE.
 * Each output is built on its own so none imports another: a page loads one file and is done.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build, transformWithEsbuild } from "vite";
import { minifyTemplatesPlugin } from "./minify-templates.js";

export const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/**
 * Browsers the files run in: ES2022, lowered where Safari 15.4 (March 2022, the first with
 * Object.hasOwn and Array.prototype.at) lacks a feature, such as class static blocks.
 */
const TARGET = ["es2022", "safari15.4"];

/** Output file (without .js) → entry module. The first is the all-in-one bundle. */
export const ENTRIES = {
  "icr-widgets": "src/index.ts",
  rate: "src/rate/rate.ts",
  leaderboard: "src/leaderboard/leaderboard.ts",
  "influencer-card": "src/influencer-card/influencer-card.ts",
  trend: "src/trend/trend.ts",
  calculator: "src/calculator/calculator.ts",
};

/** The storefront embed's script, a classic script (Shopify app embeds load it without type=module). */
export const CLICK_CAPTURE = { name: "icr-click-capture", entry: "src/click-capture/main.ts" };

/**
 * Vite's library mode keeps whitespace in ES output (to protect pure annotations for downstream
 * bundlers); these files go straight to browsers, so minify the final chunk fully, keeping the
 * licence comments (deduplicated at the end of the file).
 * @returns {import("vite").Plugin}
 */
function minifyChunks() {
  return {
    name: "icr-minify-chunks",
    enforce: "post",
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const out = await transformWithEsbuild(chunk.code, chunk.fileName, {
          minify: true,
          // ES modules stay modules; the IIFE is already wrapped.
          ...(chunk.fileName.startsWith(CLICK_CAPTURE.name) ? {} : { format: "esm" }),
          target: TARGET,
          legalComments: "eof",
        });
        chunk.code = out.code;
      }
    },
  };
}

/**
 * Builds every widget file and the click-capture script into `outDir`.
 *
 * @param {string} outDir absolute path; created if missing, emptied first.
 * @returns {Promise<string[]>} the file names written, e.g. ["icr-widgets.js", "rate.js", …].
 * @example
 * await bundleAll("/tmp/out"); // ["icr-widgets.js", "rate.js", …, "icr-click-capture.js"]
 */
export async function bundleAll(outDir) {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
  const jobs = [
    ...Object.entries(ENTRIES).map(([name, entry]) => ({ name, entry, format: /** @type {const} */ ("es") })),
    { ...CLICK_CAPTURE, format: /** @type {const} */ ("iife") },
  ];
  const written = [];
  for (const [i, job] of jobs.entries()) {
    await build({
      configFile: false,
      root: PACKAGE_DIR,
      logLevel: "warn",
      mode: "production",
      // Lit's production build, even when a test runner (NODE_ENV=test) calls this.
      resolve: { conditions: ["module", "browser", "production"] },
      define: { __ICR_VERSION__: JSON.stringify(pkg.version) },
      plugins: [minifyTemplatesPlugin(), minifyChunks()],
      build: {
        outDir,
        emptyOutDir: i === 0,
        target: TARGET,
        minify: "esbuild",
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        lib: { entry: job.entry, formats: [job.format], name: "icrClickCapture", fileName: () => `${job.name}.js` },
      },
    });
    written.push(`${job.name}.js`);
  }
  return written;
}
