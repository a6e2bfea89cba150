import { db } from "#db/client.server";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { recordAudit } from "~/accounts/audit.server";
import { renderMail } from "./compose.server";
import { enqueueMail } from "./outbox.server";
import { smtpConfigured } from "./transport.server";

/** "Testmail senden" in /admin: to the admin's own address, through the same outbox and job. */
export async function sendTestMail({ user }: { user: { id: number; email: string | null; name: string | null } }) {
  if (!user.email) return { queued: false };
  const m = t.mail.test;
  const { text, html } = renderMail({
    greeting: t.mail.layout.hello(user.name),
    blocks: [{ type: "p", text: m.body(formatDateTime(new Date())) }],
    reason: m.reason,
  });
  await db.transaction(async (tx) => {
    await enqueueMail(tx, { kind: "test", to: { userId: user.id, address: user.email!, name: user.name }, subject: m.subject, text, html });
    await recordAudit(tx, { actorId: user.id, action: "mail.test", objectType: "user", objectId: user.id });
  });
  return { queued: smtpConfigured() };
}
