import { and, eq, inArray } from "drizzle-orm";
import { db } from "#db/client.server";
import { mails } from "#db/schema";
import { env } from "~/env.server";
import { registerJobHandler } from "../jobs/registry.server";
import { smtpTransport } from "./transport.server";

type MailRow = typeof mails.$inferSelect;
/** Re-checks that a notification mail's reader may still see its object (registered by notifications). */
export type MailGuard = (mail: Pick<MailRow, "toUserId" | "objectType" | "objectId">) => Promise<boolean>;
let guard: MailGuard = async () => true;
export function setMailGuard(next: MailGuard) {
  guard = next;
}

const REDACTED = "[Link nach dem Versand entfernt]";

/** The stored copy of a sent mail keeps no live one-time link (viewer, backups). */
export function redactSecrets(row: Pick<MailRow, "text" | "html" | "attachments" | "secrets">) {
  let { text, html } = row;
  let attachments = row.attachments;
  for (const secret of row.secrets) {
    if (!secret) continue;
    text = text.split(secret).join(REDACTED);
    html = html.split(secret).join(REDACTED);
    attachments = attachments.map((file) => ({
      ...file,
      content: Buffer.from(Buffer.from(file.content, "base64").toString("utf8").split(secret).join(REDACTED)).toString("base64"),
    }));
  }
  return { text, html, attachments };
}

function sendable(row: MailRow) {
  return row.state === "queued" || row.state === "failed";
}

/**
 * Delivery is at least once: the send happens outside any transaction and the row is marked
 * afterwards. A crash in between sends the mail again with the same Message-ID.
 */
async function sendMail(payload: Record<string, unknown>, context: { attempt: number; maxAttempts: number }) {
  const id = Number(payload.mailId);
  const [row] = await db.select().from(mails).where(eq(mails.id, id));
  // Deleted with its account (or by retention) before it went out: nothing to send.
  if (!row) return;
  if (!sendable(row)) return;
  if (!(await guard(row))) {
    await db.update(mails).set({ state: "dropped", lastError: "Empfänger darf den Gegenstand nicht mehr sehen" }).where(eq(mails.id, id));
    return;
  }
  const transport = smtpTransport();
  if (!transport) {
    await db.update(mails).set({ state: "unsent", secrets: [] }).where(eq(mails.id, id));
    return;
  }
  const settings = env();
  try {
    await transport.sendMail({
      messageId: row.messageId,
      from: settings.MAIL_FROM,
      replyTo: settings.MAIL_REPLY_TO,
      to: row.toName ? { name: row.toName, address: row.toAddress } : row.toAddress,
      subject: row.subject,
      text: row.text,
      html: row.html,
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All", ...row.headers },
      attachments: row.attachments.map((file) => ({
        filename: file.filename,
        content: Buffer.from(file.content, "base64"),
        contentType: file.method ? `${file.contentType}; method=${file.method}` : file.contentType,
      })),
      disableUrlAccess: true,
      disableFileAccess: true,
    });
  } catch (error) {
    const last = context.attempt >= context.maxAttempts;
    await db
      .update(mails)
      .set({ lastError: String((error as Error).message ?? error).slice(0, 1000), ...(last ? { state: "failed" as const } : {}) })
      .where(eq(mails.id, id));
    throw error;
  }
  await db
    .update(mails)
    .set({ state: "sent", sentAt: new Date(), lastError: null, secrets: [], ...redactSecrets(row) })
    .where(and(eq(mails.id, id), inArray(mails.state, ["queued", "failed"])));
}

export function registerMailJobs() {
  registerJobHandler("mail.send", sendMail);
}
