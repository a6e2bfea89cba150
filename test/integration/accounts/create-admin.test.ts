import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { db, openPgliteFolder, type DatabaseHandle } from "../../../db/client.server";
import { users } from "../../../db/schema";
import { verifyPassword } from "../../../app/accounts/password.server";
import { runCreateAdmin } from "../../../scripts/create-admin";
import { createTestDatabase } from "../../support/database";
import { auditFor } from "../../support/audit";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function io(stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdin: async () => stdin, out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

async function userByEmail(email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

describe("npm run admin:create", () => {
  it("creates an admin with a generated strong password that it prints once", async () => {
    const run = io();
    const code = await runCreateAdmin(["--email", "IT@Stadt.Example", "--name", "Ina Ingenieurin", "--organisation", "IT-Betrieb"], run.io);
    expect(code).toBe(0);
    const printed = /Erzeugtes Passwort[^:]*: (\S+)/.exec(run.out.join("\n"))?.[1] ?? "";
    expect(printed.length).toBeGreaterThanOrEqual(24);
    const row = await userByEmail("it@stadt.example");
    expect(row).toMatchObject({ role: "admin", name: "Ina Ingenieurin", organisation: "IT-Betrieb" });
    expect(await verifyPassword(row.passwordHash!, printed)).toBe(true);
    expect(await auditFor("admin.created", row.id)).toHaveLength(1);
  });

  it("takes the password from stdin, checks the rules and does not print it", async () => {
    const weak = io("passwort1234\n");
    expect(await runCreateAdmin(["--email", "weak@stadt.example", "--name", "W", "--password-stdin"], weak.io)).toBe(2);
    expect(weak.err.join("")).toMatch(/häufig verwendeter/);
    expect(await userByEmail("weak@stadt.example")).toBeUndefined();

    const run = io("Mosel-Rhein-Festung-77\n");
    expect(await runCreateAdmin(["--email", "stdin@stadt.example", "--name", "Sven Stdin", "--password-stdin"], run.io)).toBe(0);
    expect(run.out.join("\n")).not.toContain("Mosel-Rhein-Festung-77");
    const row = await userByEmail("stdin@stadt.example");
    expect(await verifyPassword(row.passwordHash!, "Mosel-Rhein-Festung-77")).toBe(true);
  });

  it("refuses an existing email (any case) and missing arguments without changing anything", async () => {
    await runCreateAdmin(["--email", "doppelt@stadt.example", "--name", "Erste"], io().io);
    const twice = io();
    expect(await runCreateAdmin(["--email", "DOPPELT@stadt.example", "--name", "Zweite"], twice.io)).toBe(1);
    expect(twice.err.join("")).toMatch(/bereits ein Konto/);
    expect((await userByEmail("doppelt@stadt.example")).name).toBe("Erste");
    const missing = io();
    expect(await runCreateAdmin(["--name", "Ohne Adresse"], missing.io)).toBe(2);
    expect(missing.err.join("")).toMatch(/--email fehlt/);
  });

  it("works as a command on the configured database", async () => {
    const database = await createTestDatabase(inject("pgTemplate"), { onDisk: true });
    if (database.handle.kind === "pglite") await database.handle.close();
    const { code, output } = await runCommand(["--email", "cli@stadt.example", "--name", "Carla Cli"], database.serverEnv);
    expect(output).toMatch(/Administrationskonto #\d+ für cli@stadt\.example angelegt/);
    expect(code).toBe(0);
    let check: DatabaseHandle = database.handle;
    if (database.handle.kind === "pglite") {
      check = openPgliteFolder(database.serverEnv.DATA_DIR);
    }
    const rows = await check.db.select().from(users).where(eq(users.email, "cli@stadt.example"));
    expect(rows.map((r) => r.role)).toEqual(["admin"]);
    if (check !== database.handle) await check.close();
    await database.dispose();
  }, 180_000);
});

function runCommand(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("node", [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/create-admin.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}
