import path from "node:path";
import { defineConfig } from "vitest/config";

const ROOT = path.resolve(import.meta.dirname, "../..");

// The load and fault tests (npm run test:load): one file at a time, each bounded in time.
// Their files end in .load.ts so the main suite (test/**/*.test.ts) does not pick them up.
export default defineConfig({
  root: ROOT,
  resolve: {
    alias: {
      "~": path.join(ROOT, "app"),
      "#db": path.join(ROOT, "db"),
    },
  },
  test: {
    globals: true,
    environment: "node",
    include: ["test/load/**/*.load.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/setup-file.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
