import { spawnServer } from "../test/support/server";

/** The production build (server.mjs) in bench mode (per-request SQL counter), on loopback. */
export async function startBenchServer(databaseEnv: Record<string, string>) {
  const server = await spawnServer(
    { ...databaseEnv, HOST: "127.0.0.1", APP_SECRET: "bench-secret-0123456789abcdef0123456789abcdef", BENCH_QUERY_LOG: "1" },
    { waitForReady: false },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.process.exitCode !== null) throw new Error(`Server beendet:\n${server.output()}`);
    if (Date.now() > deadline) {
      server.process.kill("SIGKILL");
      throw new Error(`Server antwortet nicht:\n${server.output()}`);
    }
    try {
      await fetch(`${server.url}/bench/baseline`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url: server.url, output: server.output, stop: server.stop };
}
