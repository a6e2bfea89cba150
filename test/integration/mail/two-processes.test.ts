import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { notifications, users } from "../../../db/schema";
import { queryRows } from "../../../db/client.server";
import { resetEnv } from "../../../app/env.server";
import { enqueueJob } from "../../../app/server/jobs/queue.server";
import { enqueueMail } from "../../../app/server/mail/outbox.server";
import { startServer, type RunningServer } from "../../support/server";
import { startSmtpServer, type TestSmtpServer } from "../../support/smtp";

/** Two app processes (two job runners) on one PostgreSQL database: every mail and every digest once. */
describe.skipIf(!process.env.TEST_DATABASE_URL)("two app processes on one PostgreSQL", () => {
  let smtp: TestSmtpServer;
  let first: RunningServer;
  let second: RunningServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const env = { SMTP_URL: smtp.url, JOB_POLL_MS: "100", JOB_CONCURRENCY: "5" };
    first = await startServer(inject("pgTemplate"), { env });
    second = await startServer(inject("pgTemplate"), { env, database: first.database });
    process.env.SMTP_URL = smtp.url;
    resetEnv();
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await smtp?.stop();
    delete process.env.SMTP_URL;
    resetEnv();
  });

  it("each mail is sent once and each member's digest once, though both processes take jobs", { timeout: 90_000 }, async () => {
    const db = first.database.handle.db;
    const members = await db
      .insert(users)
      .values(Array.from({ length: 20 }, (_, i) => ({ email: `digest-${i}@example.org`, name: `Mitglied ${i}`, role: "expert" as const })))
      .returning({ id: users.id });
    await db.insert(notifications).values(
      members.flatMap((m) =>
        [1, 2].map((n) => ({
          userId: m.id,
          kind: "comment.new" as const,
          objectType: "meeting",
          objectId: 0,
          eventKey: `e${n}`,
          title: `Zeile ${n}`,
          path: "/",
          frequency: "taeglich" as const,
        })),
      ),
    );
    // Lines about a meeting that does not exist are left out: add a real one.
    await db.execute(
      sql`insert into meetings (name, start, "end") values ('Sitzung für die Zusammenfassung', now() + interval '1 day', now() + interval '1 day 2 hours')`,
    );
    await db.execute(sql`update notifications set object_id = (select max(id) from meetings)`);
    await db.transaction(async (tx) => {
      for (let i = 0; i < 200; i++)
        await enqueueMail(tx, { kind: "test", to: { address: `bulk-${i}@example.org` }, subject: `Nachricht ${i}`, text: "t", html: "<p>t</p>" });
    });
    // Both processes' schedulers (and we) try to create the same period's digest: one row.
    for (let i = 0; i < 3; i++) await enqueueJob(db, { kind: "digest.daily", uniqueKey: "digest.daily:test-period", payload: { period: "2999-01-01" } });
    await smtp.waitFor(220, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const recipients = smtp.received.map((m) => m.envelopeTo[0]);
    expect(recipients.filter((r) => r.startsWith("bulk-"))).toHaveLength(200);
    expect(new Set(recipients.filter((r) => r.startsWith("bulk-"))).size).toBe(200);
    const digests = recipients.filter((r) => r.startsWith("digest-"));
    expect(digests).toHaveLength(20);
    expect(new Set(digests).size).toBe(20);
    expect(new Set(smtp.received.map((m) => m.parsed.messageId)).size).toBe(smtp.received.length);
    const [{ count }] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from jobs where kind = 'digest.daily' and unique_key = 'digest.daily:test-period'`,
    );
    expect(count).toBe(1);
  });
});
