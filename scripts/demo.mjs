// `npm run demo`: build, load the Koblenz demo story into the embedded database (if empty), serve.
import { spawn, spawnSync } from "node:child_process";

const env = { ...process.env, DEMO_MODE: "true", NODE_ENV: "production" };
const port = env.PORT ?? "3000";
env.PORTAL_URL ??= `http://localhost:${port}`;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

if (run("npx", ["remix", "build"]) !== 0) process.exit(1);
if (run("npx", ["tsx", "db/seed.ts", "--if-empty"]) !== 0) process.exit(1);

const { DEMO_LOGINS } = await import("./demo-logins.mjs");
console.log(`\nDigitalbeirat-Portal (Demo): ${env.PORTAL_URL}\n`);
console.log("Demo-Zugänge:");
for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(36)} ${login.password}`);
console.log("");

const server = spawn("node", ["server.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
