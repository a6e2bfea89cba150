import { and, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { commitmentEntries, commitments, type CommitmentEntryKind, type CommitmentStatus } from "#db/schema";
import { t } from "~/i18n/de";
import { refuse, type Refusal } from "~/lib/refusal";
import { recordAudit } from "~/accounts/audit.server";
import { can, type Actor, type Permission } from "~/policy.server";
import { commitmentStatusChanged } from "./events.server";

const e = t.commitments.errors;
type Done = { ok: true } | Refusal;

const ENTRY_PERMISSION: Record<CommitmentEntryKind, Permission> = {
  status: "change:commitment-status",
  update: "post:commitment-update",
  comment: "comment:commitment",
};

/**
 * Appends one history entry. A status entry moves the commitment's status in the same
 * transaction (guarded by the status read in the update's where clause, so two concurrent
 * changes cannot both start from the same status) and tells those who follow it.
 */
export async function addCommitmentEntry({
  actor,
  commitmentId,
  kind,
  toStatus,
  note,
  source,
}: {
  actor: Actor;
  commitmentId: number;
  kind: CommitmentEntryKind;
  toStatus?: CommitmentStatus;
  note: string;
  source: string;
}): Promise<Done> {
  if (!can(actor, ENTRY_PERMISSION[kind])) return refuse(403, e.badRequest);
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ status: commitments.status }).from(commitments).where(eq(commitments.id, commitmentId));
    if (!current) return refuse(404, t.commitments.notFound);
    if (kind === "status") {
      if (!toStatus) return refuse(422, { toStatus: e.invalidStatus });
      if (toStatus === current.status) return refuse(422, { toStatus: e.sameStatus });
      const moved = await tx
        .update(commitments)
        .set({ status: toStatus, statusChangedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(commitments.id, commitmentId), eq(commitments.status, current.status)))
        .returning({ id: commitments.id });
      if (moved.length === 0) return refuse(409, { toStatus: e.sameStatus });
    }
    const [entry] = await tx
      .insert(commitmentEntries)
      .values({
        commitmentId,
        kind,
        fromStatus: kind === "status" ? current.status : null,
        toStatus: kind === "status" ? toStatus : null,
        note,
        source: source || null,
        authorId: actor.id,
      })
      .returning({ id: commitmentEntries.id });
    await recordAudit(tx, { actorId: actor.id, action: `commitment.${kind}`, objectType: "commitment", objectId: commitmentId, details: { toStatus } });
    if (kind === "status") await commitmentStatusChanged(tx, { commitmentId, entryId: entry.id, status: toStatus!, actorId: actor.id });
    return { ok: true as const };
  });
}

/** Changes one field the board keeps on the commitment, with an audit entry that names the new value. */
async function setCommitmentField({
  actor,
  commitmentId,
  permission,
  action,
  change,
}: {
  actor: Actor;
  commitmentId: number;
  permission: Permission;
  action: string;
  change: { dueDate: string | null } | { isPublic: boolean };
}): Promise<Done> {
  if (!can(actor, permission)) return refuse(403, e.badRequest);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(commitments)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(commitments.id, commitmentId))
      .returning({ id: commitments.id });
    if (!row) return refuse(404, t.commitments.notFound);
    await recordAudit(tx, { actorId: actor.id, action, objectType: "commitment", objectId: commitmentId, details: change });
    return { ok: true as const };
  });
}

/** The board sets its own date to check the commitment (the paper's words stay as they are). */
export async function setCommitmentDueDate({ actor, commitmentId, dueDate }: { actor: Actor; commitmentId: number; dueDate: string | null }): Promise<Done> {
  return setCommitmentField({ actor, commitmentId, permission: "record:commitment", action: "commitment.due-date", change: { dueDate } });
}

/** Staff mark a commitment public; it shows only while its recommendation or paper is public too. */
export async function setCommitmentPublic({ actor, commitmentId, isPublic }: { actor: Actor; commitmentId: number; isPublic: boolean }): Promise<Done> {
  return setCommitmentField({ actor, commitmentId, permission: "publish:commitment", action: "commitment.visibility", change: { isPublic } });
}
