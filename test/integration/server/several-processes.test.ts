import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres, queryRows, type DatabaseHandle } from "../../../db/client.server";
import { migrationsFolder } from "../../../db/migrate.server";
import { users } from "../../../db/schema";
import { hashPassword } from "../../../app/accounts/password.server";
import { get, postForm, signedInUserId } from "../../load/support/http";
import { spawnServer, type SpawnedServer } from "../../support/server";
import { withDatabase } from "../../support/templates";

const serverUrl = process.env.TEST_DATABASE_URL;
const PASSWORD = "Zwei-Prozesse-eine-Datenbank-7";

let servers: SpawnedServer[] = [];
let handle: DatabaseHandle | undefined;
let dropDatabase = async () => {};
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await handle?.close();
  await dropDatabase();
});

// Several app processes share one PostgreSQL (PGlite is one process per folder: see folder-lock.test.ts).
describe.skipIf(!serverUrl)("two app processes on one PostgreSQL database", () => {
  it("start at the same moment on an empty database, migrate once, share sessions and sign-in throttling", { timeout: 180_000 }, async () => {
    const name = `portal_two_${randomBytes(5).toString("hex")}`;
    const postgres = (await import("postgres")).default;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    const url = withDatabase(serverUrl!, name);

    // Both start on the unmigrated database at once; the advisory lock lets one migrate.
    servers = await Promise.all([spawnServer({ DATABASE_URL: url }), spawnServer({ DATABASE_URL: url })]);
    const [a, b] = servers;
    for (const server of servers) {
      const ready = await get(server.url, "/readyz");
      expect(ready.status, server.output()).toBe(200);
    }
    handle = openPostgres(url, { max: 2 });
    const expected = readMigrationFiles({ migrationsFolder: migrationsFolder() });
    const applied = await queryRows<{ hash: string }>(handle.db, sql`select hash from drizzle.__drizzle_migrations order by id`);
    expect(applied.map((row) => row.hash)).toEqual(expected.map((migration) => migration.hash));

    const passwordHash = await hashPassword(PASSWORD);
    const [member, target] = await handle.db
      .insert(users)
      .values([
        { email: "zwei-a@example.org", name: "Anna Zwei", organisation: "Test", role: "expert", passwordHash },
        { email: "zwei-b@example.org", name: "Bert Zwei", organisation: "Test", role: "expert", passwordHash },
      ])
      .returning({ id: users.id });

    // A session made on one process is valid on the other.
    const client: { cookie?: string } = {};
    const signIn = await postForm(
      a.url,
      "/login",
      [
        ["email", "zwei-a@example.org"],
        ["password", PASSWORD],
        ["redirectTo", "/"],
      ],
      client,
    );
    expect(signIn.status).toBe(302);
    expect(await signedInUserId(b.url, client)).toBe(member.id);
    expect(await signedInUserId(a.url, client)).toBe(member.id);

    // Sign-in throttling counts a client's failures on both processes: 5 on A and 5 on B block
    // this client on both (decision 074: the guessing client is blocked, not the account).
    const attempt = (server: SpawnedServer, password: string) =>
      postForm(server.url, "/login", [
        ["email", "zwei-b@example.org"],
        ["password", password],
        ["redirectTo", "/"],
      ]);
    for (const server of [a, a, a, a, a, b, b, b, b, b]) expect((await attempt(server, "falsch-falsch-falsch")).status).toBe(401);
    const lockedOnA = await attempt(a, PASSWORD);
    expect(lockedOnA.status).toBe(429);
    expect(lockedOnA.text).toContain("Zu viele Fehlversuche von diesem Gerät");
    expect((await attempt(b, PASSWORD)).status).toBe(429);
    expect(target.id).toBeGreaterThan(0);
  });
});
