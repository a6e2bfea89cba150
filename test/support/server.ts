import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "./database";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type RunningServer = { url: string; stop: () => Promise<void>; database: TestDatabase; process: ChildProcess; output: () => string };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * The production build on its own database (a fresh PGlite folder or PostgreSQL database),
 * optionally with the demo story loaded first.
 */
export async function startServer(
  pgTemplate: string,
  options: { demo?: boolean; env?: Record<string, string>; database?: TestDatabase } = {},
): Promise<RunningServer> {
  // A second process on an existing (PostgreSQL) database: it is the first server's to dispose.
  const shared = options.database;
  // With the demo story: copied from the template global-setup seeded once per run.
  const database = shared ?? (await createTestDatabase(pgTemplate, { onDisk: true, demo: options.demo, open: false }));
  // PGlite allows one process per folder: the server opens it after we let go.
  if (database.handle.kind === "pglite" && !shared) await database.handle.close();
  const server = await spawnServer({ ...database.serverEnv, DEMO_MODE: options.demo ? "true" : "false", ...options.env });
  return {
    ...server,
    database,
    stop: async () => {
      await server.stop();
      if (!shared) await database.dispose();
    },
  };
}

export type SpawnedServer = Omit<RunningServer, "database">;

// A test file that ends without stopping its servers (a failed hook, a timeout) must not leave
// them running: they would hold ports, folders and CPU for the rest of the run.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** server.mjs on a database given by env (DATABASE_URL or DATA_DIR), on a free port; stop() is SIGTERM. */
export async function spawnServer(env: Record<string, string>, options: { waitForReady?: boolean } = {}): Promise<SpawnedServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("node", ["server.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      PORTAL_URL: url,
      APP_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
      NODE_ENV: "production",
      DEMO_MODE: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  if (options.waitForReady !== false) await waitForServer(url, child, () => output);
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    },
  };
}

export async function waitForServer(url: string, child: ChildProcess, output: () => string) {
  // Seconds when alone; on a two-core machine at load 15 two servers starting together took over 60 s.
  // The bound is for a server that hangs, and leaves room for its output in the message before
  // the 120 s hook timeout.
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server beendet (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/login`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`Server antwortet nicht:\n${output()}`);
}
