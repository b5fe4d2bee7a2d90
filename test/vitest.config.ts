// Browser and HTTP tests across packages. Each file starts its own demo server (seeding takes
// seconds and two cores are shared), so files run one at a time and hooks get generous timeouts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
