import { eq } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { follows, notificationPreferences, notifications } from "#db/schema";
import { deleteMailsOfUser } from "~/server/mail/outbox.server";

/** Account deletion: preferences, follows, notification lines and every mail to the member (pending ones are never sent). */
export async function deleteNotificationDataOf(tx: Executor, userId: number) {
  await deleteMailsOfUser(tx, userId);
  await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await tx.delete(follows).where(eq(follows.userId, userId));
  await tx.delete(notifications).where(eq(notifications.userId, userId));
}
