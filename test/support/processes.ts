import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type Finished = { code: number | null; output: string };

/** Runs a node or tsx script of the project to its end (bounded), with the given environment. */
export function runScript(args: string[], env: Record<string, string>, options: { tsx?: boolean; timeoutMs?: number; stdin?: Buffer } = {}): Promise<Finished> {
  const command = options.tsx === false ? args : [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), ...args];
  return new Promise((resolve) => {
    const child = spawn("node", command, {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", ...env },
      stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    if (options.stdin) child.stdin?.end(options.stdin);
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 300_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
