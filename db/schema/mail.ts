import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { userRef, users } from "./accounts";
import { createdAt, identity } from "./columns";

/**
 * The mail outbox: every mail the portal makes is a row here, rendered when it is caused;
 * a "mail.send" job delivers it. Without SMTP the row stays as "unsent" for the admin viewer.
 */
export const MAIL_STATES = ["queued", "sent", "unsent", "failed", "dropped"] as const;
export type MailState = (typeof MAIL_STATES)[number];

export type MailAttachment = { filename: string; contentType: string; content: string; method?: string };

export const mails = pgTable(
  "mails",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Stable across retries, so a duplicate after a crash between send and mark is recognisable. */
    messageId: text("message_id").notNull(),
    kind: text("kind").notNull(),
    toUserId: integer("to_user_id").references(() => users.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    attachments: jsonb("attachments").$type<MailAttachment[]>().notNull().default([]),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /** Secret strings (one-time tokens) to be replaced in the stored copy once the mail is sent. */
    secrets: text("secrets")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Re-checked before sending: a notification about something the reader may no longer see is dropped. */
    objectType: text("object_type"),
    objectId: integer("object_id"),
    state: text("state").$type<MailState>().notNull().default("queued"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mails_message_id_idx").on(t.messageId),
    index("mails_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("mails_to_user_idx").on(t.toUserId),
    index("mails_sent_idx")
      .on(t.sentAt)
      .where(sql`${t.state} = 'sent'`),
    check("mails_state_check", sql`${t.state} in ('queued', 'sent', 'unsent', 'failed', 'dropped')`),
    check("mails_address_format", sql`${t.toAddress} like '%_@_%' and ${t.toAddress} !~ '[\\r\\n]'`),
    check("mails_subject_single_line", sql`${t.subject} !~ '[\\r\\n]' and length(${t.subject}) <= 300`),
    check("mails_sent_at", sql`(${t.state} = 'sent') = (${t.sentAt} is not null)`),
  ],
);

/** One-time password reset links (only the token's hash), valid 60 minutes, used once. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: identity(),
    userId: userRef(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("password_resets_token_idx").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);
