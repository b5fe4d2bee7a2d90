import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM } from "./test/chromium.js";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig({
  test: {
    projects: [
      // Components and storefront code, in real Chromium (skipped, loudly, when it is missing outside CI).
      ...(HAS_CHROMIUM
        ? [
            {
              define: { __ICR_VERSION__: JSON.stringify(version) },
              // Lit's production build, the one that ships (and no "dev mode" banner per test file).
              resolve: { conditions: ["module", "browser", "production"] },
              // Pre-bundled up front: discovering them mid-run makes Vite reload the page under a test.
              optimizeDeps: { include: ["lit/html.js", "isbot"] },
              test: {
                name: "browser",
                include: ["src/**/*.test.ts"],
                browser: {
                  enabled: true,
                  provider: "playwright",
                  headless: true,
                  screenshotFailures: false,
                  instances: [
                    {
                      browser: "chromium" as const,
                      launch: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
                      // West of UTC, so a date read as local time would show the day before.
                      context: { timezoneId: "America/Los_Angeles", locale: "en-US" },
                    },
                  ],
                },
              },
            },
          ]
        : []),
      // The built files: size budget, the bundle on a page, the theme extension, the manifest.
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
