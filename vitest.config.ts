import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Monte Carlo tests already use both cores through worker threads.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
