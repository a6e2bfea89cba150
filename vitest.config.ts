import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": path.resolve(import.meta.dirname, "app"),
      "#db": path.resolve(import.meta.dirname, "db"),
    },
  },
  test: {
    globals: true,
    environment: "node",
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/setup-file.ts"],
    pool: "forks",
    // Files run one after another in their worker's process (decision 099): the app is imported
    // once per worker, not once per file; setup-file.ts gives each file a fresh environment and
    // database.
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    // No retries: a test that fails once has found something (decision record 053).
    retry: 0,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
