import { eq } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { users, type Role } from "#db/schema";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { renderMail } from "~/server/mail/compose.server";
import { enqueueMail } from "~/server/mail/outbox.server";

/** The invitation mail, enqueued in the transaction that creates (or renews) the invitation. */
export async function enqueueInvitationMail(
  tx: Executor,
  input: { email: string; role: Role; token: string; link: string; expiresAt: Date; invitedById: number },
) {
  const m = t.mail.invitation;
  const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, input.invitedById));
  const board = env().BOARD_NAME;
  const { text, html } = renderMail({
    greeting: t.mail.layout.hello(null),
    blocks: [
      { type: "p", text: m.body(inviter?.name ?? m.someone, t.common.roles[input.role], board) },
      { type: "link", label: m.link, url: input.link },
      { type: "p", text: m.validUntil(formatDateTime(input.expiresAt)) },
    ],
    reason: m.reason,
  });
  await enqueueMail(tx, { kind: "invitation", to: { address: input.email }, subject: m.subject(board), text, html, secrets: [input.token] });
}
