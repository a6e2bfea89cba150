import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("kein Port"))));
    });
  });
}

/** The production build (server.mjs) in bench mode (per-request SQL counter), on loopback. */
export async function startBenchServer(databaseEnv: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("node", ["server.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...databaseEnv,
      PORT: String(port),
      HOST: "127.0.0.1",
      PORTAL_URL: url,
      APP_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      NODE_ENV: "production",
      DEMO_MODE: "false",
      BENCH_QUERY_LOG: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server beendet:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server antwortet nicht:\n${output}`);
    }
    try {
      await fetch(`${url}/bench/baseline`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
