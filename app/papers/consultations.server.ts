import { refuse, type Refusal } from "~/lib/refusal";
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { consultations, organizations } from "#db/schema";
import { t } from "~/i18n/de";
import { toBerlinLocalInput } from "~/lib/dates";
import { recordAudit } from "../accounts/audit.server";
import { nextPosition } from "~/server/next-position.server";
import { catchConstraint, isConstraintFailure } from "../meetings/db.server";
import type { ConsultationInput } from "./schemas.server";

type StepResult = { ok: true } | Refusal;

const COUNT_CONSTRAINTS = [
  "consultations_counts_need_voted_result",
  "consultations_unanimous_no_against",
  "consultations_majority_counts",
  "consultations_rejected_counts",
  "consultations_counts_non_negative",
  "consultations_result_needs_date",
  "consultations_organization_id_organizations_id_fk",
];

/** Today's date in Berlin as YYYY-MM-DD. */
export function berlinToday(now = new Date()) {
  return toBerlinLocalInput(now).slice(0, 10);
}

function futureResultError(input: ConsultationInput, now: Date): Record<string, string> | null {
  if (input.result && input.date && input.date > berlinToday(now)) return { result: t.papers.errors.resultInFuture };
  return null;
}

async function organizationExists(tx: Executor, organizationId: number) {
  const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId));
  return Boolean(row);
}

async function guarded(work: () => Promise<StepResult>): Promise<StepResult> {
  const result = await catchConstraint(COUNT_CONSTRAINTS, work);
  if (isConstraintFailure(result)) return refuse(422, { form: t.papers.errors.countsInconsistent });
  return result;
}

/** Adding or editing a step: no result dated in the future, an existing body, consistent counts. */
async function writeStep(input: ConsultationInput, now: Date, work: (tx: Executor) => Promise<StepResult>): Promise<StepResult> {
  const future = futureResultError(input, now);
  if (future) return refuse(422, future);
  return guarded(() =>
    db.transaction(async (tx): Promise<StepResult> => {
      if (!(await organizationExists(tx, input.organizationId))) {
        return refuse(422, { organizationId: t.papers.errors.organization });
      }
      return work(tx);
    }),
  );
}

export async function addConsultation(args: { actorId: number; paperId: number; input: ConsultationInput; now?: Date }): Promise<StepResult> {
  const { actorId, paperId, input, now = new Date() } = args;
  return writeStep(input, now, async (tx) => {
    const position = await nextPosition(tx, consultations, consultations.position, eq(consultations.paperId, paperId));
    const [row] = await tx
      .insert(consultations)
      .values({ ...input, paperId, position })
      .returning({ id: consultations.id });
    await recordAudit(tx, { actorId, action: "consultation.create", objectType: "paper", objectId: paperId, details: { consultationId: row.id, ...input } });
    return { ok: true };
  });
}

export async function updateConsultation(args: {
  actorId: number;
  paperId: number;
  consultationId: number;
  input: ConsultationInput;
  now?: Date;
}): Promise<StepResult> {
  const { actorId, paperId, consultationId, input, now = new Date() } = args;
  return writeStep(input, now, async (tx) => {
    const [row] = await tx
      .update(consultations)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(consultations.id, consultationId), eq(consultations.paperId, paperId)))
      .returning({ id: consultations.id });
    if (!row) return refuse(404, { form: t.papers.errors.stepNotFound });
    await recordAudit(tx, { actorId, action: "consultation.update", objectType: "paper", objectId: paperId, details: { consultationId, ...input } });
    return { ok: true };
  });
}

export async function removeConsultation(args: { actorId: number; paperId: number; consultationId: number }): Promise<StepResult> {
  const { actorId, paperId, consultationId } = args;
  return db.transaction(async (tx): Promise<StepResult> => {
    const [row] = await tx
      .delete(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.paperId, paperId)))
      .returning({ id: consultations.id });
    if (!row) return refuse(404, { form: t.papers.errors.stepNotFound });
    await recordAudit(tx, { actorId, action: "consultation.delete", objectType: "paper", objectId: paperId, details: { consultationId } });
    return { ok: true };
  });
}

/** Swaps a step with its neighbour in the Gremienweg; at the edge nothing changes. */
export async function moveConsultation(args: { actorId: number; paperId: number; consultationId: number; direction: "up" | "down" }): Promise<StepResult> {
  const { actorId, paperId, consultationId, direction } = args;
  return db.transaction(async (tx): Promise<StepResult> => {
    const steps = await tx
      .select({ id: consultations.id, position: consultations.position })
      .from(consultations)
      .where(eq(consultations.paperId, paperId))
      .orderBy(consultations.position)
      .for("update");
    const index = steps.findIndex((step) => step.id === consultationId);
    if (index === -1) return refuse(404, { form: t.papers.errors.stepNotFound });
    const neighbour = steps[direction === "up" ? index - 1 : index + 1];
    if (!neighbour) return { ok: true };
    const step = steps[index];
    // Park on a free slot behind the last step so the unique (paper, position) index holds throughout.
    await tx
      .update(consultations)
      .set({ position: steps.at(-1)!.position + 1 })
      .where(eq(consultations.id, step.id));
    await tx.update(consultations).set({ position: step.position }).where(eq(consultations.id, neighbour.id));
    await tx.update(consultations).set({ position: neighbour.position }).where(eq(consultations.id, step.id));
    await recordAudit(tx, { actorId, action: "consultation.move", objectType: "paper", objectId: paperId, details: { consultationId, direction } });
    return { ok: true };
  });
}
