import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../client.server";
import { mails, users } from "../schema";
import { t } from "../../app/i18n/de";
import { renderMail } from "../../app/server/mail/compose.server";
import type { DemoUsers } from "./accounts";

/**
 * The demo runs without SMTP: a few mails lie in the admin's mail viewer as "nicht versendet",
 * so the viewer shows what members would receive. Stored directly as unsent: never sent later.
 */
export async function seedMails(tx: Executor, people: DemoUsers) {
  const [anna] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, people.experts[0]));
  const [council] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, people.council));
  const base = process.env.PORTAL_URL ?? "http://localhost:3000";
  const host = new URL(base).hostname;
  const rows = [
    {
      to: anna,
      kind: "digest.taeglich",
      subject: t.mail.digest.subjectDaily("03.02.2025"),
      mail: renderMail({
        greeting: t.mail.layout.hello(anna.name),
        blocks: [
          { type: "p", text: t.mail.digest.intro(2) },
          {
            type: "link",
            label: `${t.notifications.kinds["comment.new"]}: ${t.notifications.lines.commentNew("Jonas Wagner", "Chatbot „Schängel“ für die Bürgerkommunikation")}`,
            url: `${base}/themen/chatbot-schaengel-fuer-die-buergerkommunikation`,
          },
          { type: "link", label: `${t.notifications.kinds["round.opened"]}: Bewertungsrunde „Chatbot-Anbieter 2025“`, url: `${base}/bewertungsrunden` },
        ],
        reason: t.mail.digest.reason,
      }),
    },
    {
      to: council,
      kind: "notification.recommendation.published",
      subject: t.notifications.lines.published("EM/0001/2025", "Chatbot „Schängel“ einführen"),
      mail: renderMail({
        greeting: t.mail.layout.hello(council.name),
        blocks: [
          { type: "p", text: t.notifications.lines.published("EM/0001/2025", "Chatbot „Schängel“ einführen") },
          { type: "link", label: t.mail.notification.open, url: `${base}/empfehlungen` },
        ],
        reason: t.mail.notification.reason,
      }),
    },
  ];
  for (const row of rows) {
    if (!row.to?.email) continue;
    await tx.insert(mails).values({
      messageId: `<${randomUUID()}@${host}>`,
      kind: row.kind,
      toUserId: row.to.id,
      toAddress: row.to.email,
      toName: row.to.name,
      subject: row.subject,
      text: row.mail.text,
      html: row.mail.html,
      state: "unsent",
    });
  }
}
