/**
 * How fast the outbox drains: 1,000 queued mails to a loopback smtp-server, through the real
 * job runner (claim, send with the pooled transport, mark). Not a timed test: prints a figure.
 *
 *   npx tsx bench/mail-drain.ts                      # embedded PGlite (in memory)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/mail-drain.ts
 *   BENCH_MAILS=5000 JOB_CONCURRENCY=10 npx tsx bench/mail-drain.ts
 */
import { useDatabaseHandle } from "../db/client.server";
import { applyMigrations } from "../db/migrate.server";
import { openEmptyDatabase } from "../test/support/database";
import { startSmtpServer } from "../test/support/smtp";

const count = Number(process.env.BENCH_MAILS ?? 1000);
const pgUrl = process.env.BENCH_PG_URL;

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.JOB_POLL_MS ??= "50";
const { handle, dispose } = await openEmptyDatabase(pgUrl, "bench_mail", 10);
await applyMigrations(handle);
useDatabaseHandle(handle);
const { enqueueMail } = await import("../app/server/mail/outbox.server");
const { startJobRunner } = await import("../app/server/jobs/runner.server");
const { closeSmtpTransport } = await import("../app/server/mail/transport.server");

const queuedAt = performance.now();
await handle.db.transaction(async (tx) => {
  for (let i = 0; i < count; i++) {
    await enqueueMail(tx, {
      kind: "bench",
      to: { address: `mitglied-${i}@example.org`, name: `Mitglied ${i}` },
      subject: `Benachrichtigung ${i}`,
      text: `Text ${i}\n`.repeat(20),
      html: `<p>Text ${i}</p>`.repeat(20),
    });
  }
});
const enqueueMs = performance.now() - queuedAt;
const started = performance.now();
const runner = startJobRunner();
await smtp.waitFor(count, 600_000);
const drainMs = performance.now() - started;
await runner.stop();
closeSmtpTransport();
await smtp.stop();
await dispose();
const result = {
  database: pgUrl ? "postgres" : "pglite",
  mails: count,
  concurrency: Number(process.env.JOB_CONCURRENCY ?? 5),
  enqueueSeconds: Number((enqueueMs / 1000).toFixed(2)),
  drainSeconds: Number((drainMs / 1000).toFixed(2)),
  mailsPerSecond: Math.round(count / (drainMs / 1000)),
};
console.log(JSON.stringify(result));
process.exit(0);
