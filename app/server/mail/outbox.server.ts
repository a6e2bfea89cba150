import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { mails, type MailAttachment } from "#db/schema";
import { env } from "~/env.server";
import { enqueueJob } from "../jobs/queue.server";
import { singleLine } from "./compose.server";
import { smtpConfigured } from "./transport.server";

export type OutgoingMail = {
  kind: string;
  to: { userId?: number | null; address: string; name?: string | null };
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
  /** One-time tokens in the links; the stored copy loses them once the mail is sent. */
  secrets?: string[];
  /** The object a notification is about: re-checked for visibility before sending. */
  object?: { type: string; id: number };
};

export function newMessageId() {
  return `<${randomUUID()}@${new URL(env().PORTAL_URL).hostname}>`;
}

/**
 * Puts a mail into the outbox in the caller's transaction. With SMTP a "mail.send" job is
 * enqueued with it; without, the mail is kept as "unsent" for the admin viewer, never sent later.
 */
export async function enqueueMail(tx: Executor, mail: OutgoingMail) {
  const withSmtp = smtpConfigured();
  const headers = Object.fromEntries(Object.entries(mail.headers ?? {}).map(([name, value]) => [singleLine(name, 80), singleLine(value, 2000)]));
  const [row] = await tx
    .insert(mails)
    .values({
      messageId: newMessageId(),
      kind: mail.kind,
      toUserId: mail.to.userId ?? null,
      toAddress: singleLine(mail.to.address, 320),
      toName: mail.to.name ? singleLine(mail.to.name) : null,
      subject: singleLine(mail.subject, 300),
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments ?? [],
      headers,
      secrets: withSmtp ? (mail.secrets ?? []) : [],
      objectType: mail.object?.type ?? null,
      objectId: mail.object?.id ?? null,
      state: withSmtp ? "queued" : "unsent",
    })
    .returning({ id: mails.id });
  if (withSmtp) await enqueueJob(tx, { kind: "mail.send", payload: { mailId: row.id } });
  return row.id;
}

export const MAIL_PAGE_SIZE = 50;

export async function listMails({ page }: { page: number }) {
  const rows = await db
    .select({
      id: mails.id,
      kind: mails.kind,
      toAddress: mails.toAddress,
      subject: mails.subject,
      state: mails.state,
      createdAt: mails.createdAt,
      sentAt: mails.sentAt,
      lastError: mails.lastError,
    })
    .from(mails)
    .orderBy(desc(mails.createdAt), desc(mails.id))
    .limit(MAIL_PAGE_SIZE + 1)
    .offset((page - 1) * MAIL_PAGE_SIZE);
  return { mails: rows.slice(0, MAIL_PAGE_SIZE), hasMore: rows.length > MAIL_PAGE_SIZE };
}

export async function getMail({ id }: { id: number }) {
  const [row] = await db.select().from(mails).where(eq(mails.id, id));
  return row ?? null;
}

/** Account deletion: mails not yet sent are never sent, and every stored copy addressed to the member goes. */
export async function deleteMailsOfUser(tx: Executor, userId: number) {
  await tx.delete(mails).where(eq(mails.toUserId, userId));
}

export function exportMailsOfUser(executor: Executor, userId: number) {
  return executor
    .select({
      subject: mails.subject,
      toAddress: mails.toAddress,
      kind: mails.kind,
      state: mails.state,
      createdAt: mails.createdAt,
      sentAt: mails.sentAt,
      text: mails.text,
    })
    .from(mails)
    .where(eq(mails.toUserId, userId))
    .orderBy(mails.createdAt);
}
