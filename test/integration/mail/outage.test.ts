import { eq, inArray, sql } from "drizzle-orm";
import { claimJobs } from "../../../app/server/jobs/queue.server";
import { jobHandler } from "../../../app/server/jobs/registry.server";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { jobs, mails } from "../../../db/schema";
import { enqueueMail } from "../../../app/server/mail/outbox.server";
import { closeSmtpTransport } from "../../../app/server/mail/transport.server";
import { startSmtpServer } from "../../support/smtp";
import { drainJobs, useSmtpServer } from "./helpers";
import { resetEnv } from "../../../app/env.server";

const server = useSmtpServer();

async function queue(count: number, prefix: string) {
  const ids: number[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++)
      ids.push(
        await enqueueMail(tx, {
          kind: "test",
          to: { address: `${prefix}-${i}@example.org` },
          subject: `${prefix} ${i}`,
          text: `Nachricht ${i}`,
          html: `<p>Nachricht ${i}</p>`,
        }),
      );
  });
  return ids;
}

async function allSent(ids: number[]) {
  const rows = await db.select({ state: mails.state }).from(mails).where(inArray(mails.id, ids));
  return rows.every((row) => row.state === "sent");
}

describe("SMTP outages", () => {
  it("loses nothing while the SMTP server is down, and delivers every mail once after it is back", async () => {
    await server.smtp.stop();
    closeSmtpTransport();
    const ids = await queue(12, "outage");
    await drainJobs(async () => {
      const rows = await db.select({ attempts: jobs.attempts }).from(jobs).where(eq(jobs.kind, "mail.send"));
      return rows.every((row) => row.attempts >= 2);
    });
    const pending = await db.select({ state: jobs.state, lastError: jobs.lastError }).from(jobs).where(eq(jobs.kind, "mail.send"));
    expect(pending.every((row) => row.state === "pending" && row.lastError)).toBe(true);
    expect(server.smtp.received).toHaveLength(0);

    await server.smtp.start();
    await drainJobs(() => allSent(ids), 30_000);
    const subjects = server.smtp.received.map((mail) => mail.parsed.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 12 }, (_, i) => `outage ${i}`).sort());
    const messageIds = server.smtp.received.map((mail) => mail.parsed.messageId);
    expect(new Set(messageIds).size).toBe(12);
  });

  it("a server that drops every tenth connection: every mail arrives exactly once", async () => {
    const flaky = await startSmtpServer({ dropEvery: 10 });
    process.env.SMTP_URL = flaky.url;
    resetEnv();
    closeSmtpTransport();
    try {
      const ids: number[] = [];
      // Separate batches, so the pool opens many connections over time.
      for (let batch = 0; batch < 6; batch++) {
        ids.push(...(await queue(5, `flaky${batch}`)));
        await drainJobs(() => allSent(ids), 30_000);
        closeSmtpTransport();
      }
      expect(flaky.connections()).toBeGreaterThanOrEqual(10);
      const subjects = flaky.received.map((mail) => mail.parsed.subject);
      expect(subjects).toHaveLength(30);
      expect(new Set(subjects).size).toBe(30);
    } finally {
      closeSmtpTransport();
      await flaky.stop();
      process.env.SMTP_URL = server.smtp.url;
      resetEnv();
    }
  });

  it("a crash between send and mark sends the mail again, with the same Message-ID", async () => {
    const [id] = await queue(1, "crash");
    const before = server.smtp.received.length;
    const [claimed] = await claimJobs({ workerId: "crashing", limit: 1, kinds: ["mail.send"] });
    await jobHandler("mail.send")!(claimed.payload, { jobId: claimed.id, attempt: 1, maxAttempts: 8 });
    // The process died before the mark landed: the row is as it was, the lease runs out.
    await db.update(mails).set({ state: "queued", sentAt: null }).where(eq(mails.id, id));
    await db.execute(sql`update jobs set locked_until = now() - interval '1 second' where id = ${claimed.id}`);
    await drainJobs(() => allSent([id]));
    const copies = server.smtp.received.slice(before);
    expect(copies).toHaveLength(2);
    expect(copies[0].parsed.messageId).toBe(copies[1].parsed.messageId);
  });

  it("sends through STARTTLS with authentication", async () => {
    const secure = await startSmtpServer({ starttls: true, auth: { user: "portal", pass: "geheim:pass" } });
    process.env.SMTP_URL = secure.url;
    resetEnv();
    closeSmtpTransport();
    try {
      const ids = await queue(1, "tls");
      await drainJobs(() => allSent(ids));
      expect(secure.received).toHaveLength(1);
    } finally {
      closeSmtpTransport();
      await secure.stop();
      process.env.SMTP_URL = server.smtp.url;
      resetEnv();
    }
  });
});
