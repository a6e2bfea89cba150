import { eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Executor } from "#db/client.server";
import { commitments, consultations, organizations, papers, recommendationPapers, recommendations, type CommitmentStatus } from "#db/schema";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { followerIds } from "~/notifications/follows.server";
import { notify, type NotificationEvent } from "~/notifications/notify.server";

const l = () => t.notifications.lines;

/**
 * Who hears of a commitment: its followers, the followers of its recommendations and of its
 * paper, and the member who recorded it. notify() then keeps only those who may see it.
 */
async function commitmentAudience(tx: Executor, commitmentId: number) {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select f.user_id as id from follows f
      where (f.object_type = 'commitment' and f.object_id = ${commitmentId})
        or (f.object_type = 'recommendation' and f.object_id in (select recommendation_id from commitment_recommendations where commitment_id = ${commitmentId}))
        or (f.object_type = 'paper' and f.object_id = (select source_paper_id from commitments where id = ${commitmentId}))
      union select created_by_id as id from commitments where id = ${commitmentId} and created_by_id is not null`,
  );
  return rows.map((row) => Number(row.id));
}

async function commitmentRow(tx: Executor, id: number) {
  const [row] = await tx.select({ title: commitments.title, dueDate: commitments.dueDate }).from(commitments).where(eq(commitments.id, id));
  return row ?? null;
}

/** Tells the commitment's audience of one event on it. */
async function notifyAudience(tx: Executor, commitmentId: number, event: Pick<NotificationEvent, "kind" | "eventKey" | "title" | "actorId">) {
  await notify(tx, {
    ...event,
    object: { type: "commitment", id: commitmentId },
    path: `/zusagen/${commitmentId}`,
    recipientIds: await commitmentAudience(tx, commitmentId),
  });
}

export async function commitmentStatusChanged(
  tx: Executor,
  { commitmentId, entryId, status, actorId }: { commitmentId: number; entryId: number; status: CommitmentStatus; actorId: number },
) {
  const row = await commitmentRow(tx, commitmentId);
  if (!row) return;
  await notifyAudience(tx, commitmentId, {
    kind: "commitment.status",
    eventKey: `commitment.status:${entryId}`,
    title: l().commitmentStatus(row.title, t.commitments.status[status]),
    actorId,
  });
}

const dueDateLines = { "commitment.due": "commitmentDue", "commitment.overdue": "commitmentOverdue" } as const;

/** Once per due date: a changed date reminds again, a repeated scan does not. */
async function remindOfDueDate(tx: Executor, commitmentId: number, kind: keyof typeof dueDateLines) {
  const row = await commitmentRow(tx, commitmentId);
  if (!row?.dueDate) return;
  await notifyAudience(tx, commitmentId, {
    kind,
    eventKey: `${kind}:${commitmentId}:${row.dueDate}`,
    title: l()[dueDateLines[kind]](row.title, formatDate(row.dueDate)),
  });
}

export async function commitmentFallsDue(tx: Executor, { commitmentId }: { commitmentId: number }) {
  await remindOfDueDate(tx, commitmentId, "commitment.due");
}

export async function commitmentOverdue(tx: Executor, { commitmentId }: { commitmentId: number }) {
  await remindOfDueDate(tx, commitmentId, "commitment.overdue");
}

/**
 * A council result arrived (or changed) for a paper: the followers of every recommendation on
 * that paper hear of it. Called by the OParl sync in the paper's transaction.
 */
export async function councilDecisionArrived(tx: Executor, { consultationIds }: { consultationIds: number[] }) {
  if (consultationIds.length === 0) return;
  const rows = await tx
    .select({
      consultationId: consultations.id,
      result: consultations.result,
      resultText: consultations.resultText,
      body: organizations.name,
      paperReference: papers.reference,
      recommendationId: recommendations.id,
      recommendationTitle: recommendations.title,
    })
    .from(consultations)
    .innerJoin(organizations, eq(organizations.id, consultations.organizationId))
    .innerJoin(papers, eq(papers.id, consultations.paperId))
    .innerJoin(recommendationPapers, eq(recommendationPapers.paperId, consultations.paperId))
    .innerJoin(recommendations, eq(recommendations.id, recommendationPapers.recommendationId))
    .where(inArray(consultations.id, consultationIds));
  for (const row of rows) {
    const result = row.result ? t.papers.results[row.result] : (row.resultText ?? "");
    await notify(tx, {
      kind: "council.decision",
      object: { type: "recommendation", id: row.recommendationId },
      eventKey: `council.decision:${row.recommendationId}:${row.consultationId}:${row.result ?? row.resultText ?? ""}`,
      title: l().councilDecision(row.body, result, row.paperReference, row.recommendationTitle),
      path: `/empfehlungen/${row.recommendationId}#umsetzung`,
      recipientIds: await followerIds(tx, "recommendation", row.recommendationId),
    });
  }
}
