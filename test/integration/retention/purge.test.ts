// The retention job on a clock moved forward: rows are dated back past (and just inside) their
// periods with the database's own now(), then the scheduled "retention.purge" job runs through
// the real runner and its deleting SQL; what is gone and what stays is read back.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "../../../db/client.server";
import { jobs } from "../../../db/schema";
import { parseBerlinLocal } from "../../../app/lib/dates";
import { errorChain } from "../../../app/lib/error-chain";
import { registerAllJobHandlers } from "../../../app/server/jobs/handlers.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { berlinDate, ensureScheduledJobs } from "../../../app/server/jobs/schedule.server";
import { createUser } from "../../support/fixtures";
import { rejectionOf } from "../../support/rejection";

const ago = (interval: string) => sql`now() - ${interval}::interval`;
const ahead = (interval: string) => sql`now() + ${interval}::interval`;

async function count(table: string, where: string) {
  const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return Number(row.n);
}

async function labels(table: string, column: string) {
  const rows = await queryRows<{ label: string }>(db, sql.raw(`select ${column} as label from ${table} order by 1`));
  return rows.map((row) => row.label);
}

let memberId: number;
const deletedUsers: Record<string, number> = {};

async function deletedUser(label: string, deletedAgo: string) {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into users (role, deleted_at, created_at) values ('expert', ${ago(deletedAgo)}, ${ago("400 days")}) returning id`,
  );
  deletedUsers[label] = Number(row.id);
  return Number(row.id);
}

beforeAll(async () => {
  const member = await createUser("expert");
  memberId = member.id;
  const m = memberId;
  await db.execute(sql`delete from sessions`);
  // Sessions: expires_at is when each one died (or will).
  for (const [id, expires] of [
    ["expired-3-days", ago("3 days")],
    ["expired-2-hours", ago("2 hours")],
    ["live", ahead("1 hour")],
  ] as const) {
    await db.execute(sql`insert into sessions (id, user_id, expires_at, absolute_expires_at) values (${id}, ${m}, ${expires}, ${expires})`);
  }
  // Invitations (period 30 days after acceptance, revocation or expiry).
  const invitation = (email: string, values: { expires: ReturnType<typeof ago>; accepted?: ReturnType<typeof ago>; revoked?: ReturnType<typeof ago> }) =>
    db.execute(sql`insert into invitations (email, role, token_hash, expires_at, accepted_at, revoked_at, created_at)
      values (${email}, 'expert', ${`hash-${email}`}, ${values.expires}, ${values.accepted ?? null}, ${values.revoked ?? null}, ${ago("60 days")})`);
  await invitation("accepted-40@example.org", { expires: ago("33 days"), accepted: ago("40 days") });
  await invitation("accepted-10@example.org", { expires: ago("3 days"), accepted: ago("10 days") });
  await invitation("revoked-31@example.org", { expires: ahead("1 day"), revoked: ago("31 days") });
  await invitation("expired-31@example.org", { expires: ago("31 days") });
  await invitation("open@example.org", { expires: ahead("5 days") });
  // Password resets (period 1 day after use or expiry).
  for (const [hash, expires, used] of [
    ["used-2-days", ago("47 hours"), ago("2 days")],
    ["expired-2-hours", ago("2 hours"), null],
    ["valid", ahead("50 minutes"), null],
  ] as const) {
    await db.execute(sql`insert into password_resets (user_id, token_hash, expires_at, used_at) values (${m}, ${hash}, ${expires}, ${used})`);
  }
  // Mails (90 days): queued ones are never removed, they are still to be sent.
  for (const [id, state, created, sent] of [
    ["sent-100", "sent", ago("101 days"), ago("100 days")],
    ["sent-10", "sent", ago("11 days"), ago("10 days")],
    ["unsent-100", "unsent", ago("100 days"), null],
    ["queued-100", "queued", ago("100 days"), null],
  ] as const) {
    await db.execute(sql`insert into mails (message_id, kind, to_user_id, to_address, subject, text, html, state, created_at, sent_at)
      values (${id}, 'test', ${m}, 'member@example.org', 'Betreff', 'Text', '<p>Text</p>', ${state}, ${created}, ${sent})`);
  }
  // Jobs (30 days after they finished).
  for (const [key, state, finished] of [
    ["done-40", "done", ago("40 days")],
    ["done-5", "done", ago("5 days")],
    ["failed-40", "failed", ago("40 days")],
    ["pending-old", "pending", null],
  ] as const) {
    await db.execute(sql`insert into jobs (kind, unique_key, state, finished_at, run_at, created_at)
      values ('test.kept', ${key}, ${state}, ${finished}, ${ahead("1 day")}, ${ago("50 days")})`);
  }
  // Notifications (90 days after reading); unread ones stay.
  for (const [key, read] of [
    ["read-100", ago("100 days")],
    ["read-10", ago("10 days")],
    ["unread-old", null],
  ] as const) {
    await db.execute(sql`insert into notifications (user_id, kind, object_type, object_id, event_key, title, path, frequency, created_at, read_at)
      values (${m}, 'comment.new', 'topic', 1, ${key}, 'Neu', '/themen', 'sofort', ${ago("200 days")}, ${read})`);
  }
  // Sign-in throttles (1 day after the last failure, and only once a block has ended).
  for (const [key, updated, blockedUntil] of [
    ["client:quiet-3-days", ago("3 days"), ago("3 days")],
    ["client:recent", ago("1 hour"), null],
    ["client:blocked", ago("3 days"), ahead("1 hour")],
  ] as const) {
    await db.execute(
      sql`insert into sign_in_throttles (key, failures, window_started_at, updated_at, blocked_until) values (${key}, 3, ${updated}, ${updated}, ${blockedUntil})`,
    );
  }
  // Second-factor challenges: gone once expired.
  await db.execute(sql`insert into sign_in_challenges (id, user_id, purpose, expires_at) values ('expired', ${m}, 'verify', ${ago("1 minute")})`);
  await db.execute(sql`insert into sign_in_challenges (id, user_id, purpose, expires_at) values ('live', ${m}, 'verify', ${ahead("9 minutes")})`);
  // Anonymised accounts (30 days after deletion, once no record refers to them).
  await deletedUser("unreferenced", "40 days");
  await deletedUser("recent", "10 days");
  const author = await deletedUser("topic-author", "40 days");
  const [field] = await queryRows<{ id: number }>(db, sql`insert into topic_fields (name) values ('Aufbewahrung') returning id`);
  await db.execute(sql`insert into topics (slug, title, field_id, author_id) values ('aufbewahrung', 'Aufbewahrung', ${field.id}, ${author})`);
  const recentActor = await deletedUser("recent-audit-actor", "40 days");
  const oldActor = await deletedUser("old-audit-actor", "40 days");
  // Audit entries (12 months): inserts may carry any time; only the deletion is guarded.
  await db.execute(sql`insert into audit_events (at, actor_id, action) values
    (${ago("13 months")}, ${oldActor}, 'old.by-deleted'),
    (${ago("13 months")}, ${m}, 'old.by-member'),
    (${ago("11 months")}, ${recentActor}, 'recent.by-deleted'),
    (${ago("11 months")}, ${m}, 'recent.by-member')`);
});

describe("retention job on a clock moved forward", () => {
  it("deletes exactly what its period has passed, as the scheduled job, and records the audit deletion in one line", async () => {
    registerAllJobHandlers();
    // Yesterday 23:00 Berlin: the daily job of that date is due and in the past.
    const yesterdayLate = parseBerlinLocal(`${berlinDate(new Date(Date.now() - 86_400_000))}T23:00`)!;
    await ensureScheduledJobs(yesterdayLate);
    expect(await runDueJobs({ kinds: ["retention.purge"] })).toBe(1);
    const [job] = await db.select().from(jobs).where(eq(jobs.kind, "retention.purge"));
    expect(job.state).toBe("done");

    expect(await labels("sessions", "id")).toEqual(["expired-2-hours", "live"]);
    expect(await labels("invitations", "email")).toEqual(["accepted-10@example.org", "open@example.org"]);
    expect(await labels("password_resets", "token_hash")).toEqual(["expired-2-hours", "valid"]);
    expect(await labels("mails", "message_id")).toEqual(["queued-100", "sent-10"]);
    expect(await labels("jobs where kind = 'test.kept'", "unique_key")).toEqual(["done-5", "pending-old"]);
    expect(await labels("notifications", "event_key")).toEqual(["read-10", "unread-old"]);
    expect(await labels("sign_in_throttles", "key")).toEqual(["client:blocked", "client:recent"]);
    expect(await labels("sign_in_challenges", "id")).toEqual(["live"]);
    expect(await labels("audit_events where action not like 'audit.%'", "action")).toEqual(["recent.by-deleted", "recent.by-member"]);
    const purgeLines = await queryRows<{ details: { deleted: number; months: number } }>(
      db,
      sql`select details from audit_events where action = 'audit.retention_purged'`,
    );
    expect(purgeLines.map((line) => line.details)).toEqual([{ deleted: 2, months: 12 }]);
    const remaining = (await queryRows<{ id: number }>(db, sql`select id from users where deleted_at is not null`)).map((row) => Number(row.id)).sort();
    expect(remaining).toEqual([deletedUsers.recent, deletedUsers["topic-author"], deletedUsers["recent-audit-actor"]].sort());
    expect(await count("users", `id = ${memberId}`)).toBe(1);
  });

  it("runs again without finding more to delete", async () => {
    const { purgeExpiredPersonalData } = await import("../../../app/server/retention/purge.server");
    const report = await purgeExpiredPersonalData();
    expect(Object.values(report).every((n) => n === 0)).toBe(true);
    expect(await count("audit_events", "action = 'audit.retention_purged'")).toBe(1);
  });
});

/** Drizzle wraps the database's error: the trigger's message is further down the chain. */
async function refusedAsAppendOnly(attempt: Promise<unknown>) {
  const error = await rejectionOf(attempt);
  expect([...errorChain(error)].some((link) => String(link.message).includes("audit_events is append-only"))).toBe(true);
}

describe("append-only audit log", () => {
  it("refuses every deletion without the retention setting, also of old entries", async () => {
    await db.execute(sql`insert into audit_events (at, action) values (${ago("20 months")}, 'old.unguarded')`);
    await refusedAsAppendOnly(db.execute(sql`delete from audit_events where action = 'old.unguarded'`));
    expect(await count("audit_events", "action = 'old.unguarded'")).toBe(1);
  });

  it("refuses newer entries, updates and a zero period even inside the retention transaction", async () => {
    const guarded = (months: string, statement: ReturnType<typeof sql>) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('portal.audit_retention_months', ${months}, true)`);
        await tx.execute(statement);
      });
    await refusedAsAppendOnly(guarded("12", sql`delete from audit_events where action = 'recent.by-member'`));
    await refusedAsAppendOnly(guarded("12", sql`update audit_events set action = 'changed' where action = 'old.unguarded'`));
    await refusedAsAppendOnly(guarded("0", sql`delete from audit_events where action = 'old.unguarded'`));
    expect(await count("audit_events", "action in ('recent.by-member', 'old.unguarded')")).toBe(2);
  });
});
