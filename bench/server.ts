import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("kein Port"))));
    });
  });
}

/**
 * The production build (server.mjs) in bench mode (per-request SQL counter), on loopback.
 * BENCH_PROFILE=<folder>: the process writes a V8 CPU profile there when it stops (node --cpu-prof).
 */
export async function startBenchServer(databaseEnv: Record<string, string>, port?: number) {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(ROOT, process.env.BENCH_PROFILE)] : [];
  const child = spawn("node", [...profile, "server.mjs"], {
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
  return awaitServer(child, url, "/bench/baseline");
}

/**
 * The yardstick of issue 15: the bare Remix app (bench/bare-remix, built into tmp/bench/bare-remix
 * by scripts/bench.sh) served by the framework's own remix-serve, in its own process on loopback.
 */
export async function startBareRemix() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // remix-serve resolves the build's asset folder from its working directory.
  const child = spawn(path.join(ROOT, "node_modules/.bin/remix-serve"), [path.join(ROOT, "tmp/bench/bare-remix/build/index.js")], {
    cwd: path.join(ROOT, "bench/bare-remix"),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return awaitServer(child, url, "/");
}

async function awaitServer(child: ChildProcessByStdio<null, Readable, Readable>, url: string, probePath: string) {
  let output = "";
  // Only the tail is kept: every request writes a log line, and errors show the last ones.
  const keep = (chunk: Buffer) => (output = (output + chunk).slice(-64_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server beendet:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server antwortet nicht:\n${output}`);
    }
    try {
      await fetch(url + probePath);
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
