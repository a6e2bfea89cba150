import { afterAll, beforeAll } from "vitest";
import { resetEnv } from "../../../app/env.server";
import { closeSmtpTransport } from "../../../app/server/mail/transport.server";
import { forgetSigningKey } from "../../../app/server/signing.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { startSmtpServer, type TestSmtpServer } from "../../support/smtp";

export const PORTAL = "http://localhost:3000";

/** This file's process sends through a loopback SMTP server with fast retries. */
export function useSmtpServer(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const holder = {} as { smtp: TestSmtpServer };
  beforeAll(async () => {
    holder.smtp = await startSmtpServer(options);
    Object.assign(process.env, {
      SMTP_URL: holder.smtp.url,
      JOB_BACKOFF_SECONDS: "0.05",
      MAIL_FROM: "Digitalbeirat Koblenz <beirat@example.org>",
      MAIL_REPLY_TO: "geschaeftsstelle@example.org",
    });
    resetEnv();
    forgetSigningKey();
  });
  afterAll(async () => {
    closeSmtpTransport();
    await holder.smtp.stop();
    for (const name of ["SMTP_URL", "JOB_BACKOFF_SECONDS", "MAIL_FROM", "MAIL_REPLY_TO"]) delete process.env[name];
    resetEnv();
  });
  return holder;
}

/** Runs due jobs until `done()` holds, waiting out backoffs; fails after `timeoutMs`. */
export async function drainJobs(done: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runDueJobs();
    if (await done()) return;
    if (Date.now() > deadline) throw new Error("Aufträge nicht rechtzeitig erledigt");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
