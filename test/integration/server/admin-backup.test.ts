import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPgliteFolder, queryRows } from "../../../db/client.server";
import { DEMO_LOGINS } from "../../../db/seed/accounts";
import { get, postForm } from "../../load/support/http";
import { startServer, type RunningServer } from "../../support/server";

let server: RunningServer | undefined;
afterAll(() => server?.stop());

const login = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!;

async function signedIn(url: string, role: string) {
  const client: { cookie?: string } = {};
  const reply = await postForm(
    url,
    "/login",
    [
      ["email", login(role).email],
      ["password", login(role).password],
      ["redirectTo", "/"],
    ],
    client,
  );
  expect(reply.status).toBe(302);
  return client;
}

describe("Sicherung herunterladen in /admin", () => {
  it("gives an admin the whole database as a backup file, records it, and nobody else", { timeout: 180_000 }, async () => {
    server = await startServer(inject("pgTemplate"), { demo: true });
    const admin = await signedIn(server.url, "admin");
    const overview = await get(server.url, "/admin", admin);
    expect(overview.text).toContain('href="/admin/sicherung"');
    const page = await get(server.url, "/admin/sicherung", admin);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Sicherung herunterladen");
    expect(page.text).toContain('action="/admin/sicherung.jsonl.gz"');

    const response = await fetch(`${server.url}/admin/sicherung.jsonl.gz`, {
      method: "POST",
      headers: { Cookie: admin.cookie!, Origin: server.url },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/gzip");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="digitalbeirat-sicherung-[\d-]+\.jsonl\.gz"$/);
    const lines = gunzipSync(Buffer.from(await response.arrayBuffer()))
      .toString("utf8")
      .trim()
      .split("\n");
    expect(JSON.parse(lines[0])).toMatchObject({ "@": "header", format: "digitalbeirat-sicherung", version: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ "@": "done" });
    expect(lines.some((line) => line.includes(login("expert").email))).toBe(true);

    for (const role of ["staff", "expert", "council"]) {
      const other = await signedIn(server.url, role);
      const refused = await fetch(`${server.url}/admin/sicherung.jsonl.gz`, {
        method: "POST",
        headers: { Cookie: other.cookie!, Origin: server.url },
        redirect: "manual",
      });
      expect(refused.status, role).toBe(403);
      expect(refused.headers.get("Content-Type")).not.toBe("application/gzip");
    }
    const anonymous = await fetch(`${server.url}/admin/sicherung.jsonl.gz`, { method: "POST", headers: { Origin: server.url }, redirect: "manual" });
    expect(anonymous.headers.get("Content-Type")).not.toBe("application/gzip");
    expect(anonymous.status).not.toBe(200);

    // The download is in the audit log (read after the server let go of a PGlite folder).
    server.process.kill("SIGTERM");
    await new Promise((resolve) => server!.process.once("exit", resolve));
    const handle = server.database.handle;
    const reopened = handle.kind === "pglite" ? openPgliteFolder(server.database.serverEnv.DATA_DIR) : handle;
    const [row] = await queryRows<{ n: number }>(reopened.db, sql`select count(*)::int as n from audit_events where action = 'backup.downloaded'`);
    expect(row.n).toBe(1);
    if (reopened !== handle) await reopened.close();
  });
});
