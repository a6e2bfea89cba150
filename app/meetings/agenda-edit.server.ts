import { refuse, type Refusal } from "~/lib/refusal";
import { and, desc, eq, gt, lt, asc } from "drizzle-orm";
import { db, type Transaction } from "#db/client.server";
import { agendaItems, meetings, papers } from "#db/schema";
import { t } from "~/i18n/de";
import { auditOf, recordAudit } from "../accounts/audit.server";
import { nextPosition } from "~/server/next-position.server";
import { catchConstraint, isConstraintFailure } from "./db.server";
import type { AgendaItemInput, ItemMinutesInput } from "./schemas.server";
import { renderedColumns, renderedColumnsOnly } from "~/server/markdown/stored.server";

const audit = auditOf("meeting");

export type AgendaResult = { ok: true } | Refusal;

const e = () => t.meetings.errors;

const CONSTRAINT_ERRORS: Record<string, [409 | 422, string, string]> = {
  agenda_items_meeting_number_idx: [409, "number", "numberTaken"],
  agenda_items_locked_when_held: [409, "form", "agendaLocked"],
  agenda_items_topic_id_topics_id_fk: [422, "topicId", "linkInvalid"],
  agenda_items_rating_round_id_rating_rounds_id_fk: [422, "ratingRoundId", "linkInvalid"],
};

/** Runs an agenda change; DB constraint violations become the matching field error. */
async function guarded(work: () => Promise<AgendaResult>): Promise<AgendaResult> {
  const result = await catchConstraint(Object.keys(CONSTRAINT_ERRORS), work);
  if (!isConstraintFailure(result)) return result;
  const [status, field, key] = CONSTRAINT_ERRORS[result.constraint];
  return refuse(status, { [field]: (e() as Record<string, string>)[key] });
}

async function lockMeeting(tx: Transaction, meetingId: number) {
  const [row] = await tx.select({ state: meetings.state }).from(meetings).where(eq(meetings.id, meetingId)).for("update");
  return row ?? null;
}

type ItemValues = Omit<AgendaItemInput, "paperReference"> & { paperId: number | null };

async function itemValues(tx: Transaction, input: AgendaItemInput) {
  const { paperReference, ...rest } = input;
  if (!paperReference) return { values: { ...rest, paperId: null } };
  const [paper] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.reference, paperReference));
  if (!paper) return { error: e().paperUnknown };
  return { values: { ...rest, paperId: paper.id } };
}

/** Before the meeting is held: the meeting exists and is not yet held, else an error result. */
async function openAgenda(tx: Transaction, meetingId: number) {
  const meeting = await lockMeeting(tx, meetingId);
  if (!meeting) return refuse(404, { form: e().notFound });
  if (meeting.state === "durchgefuehrt") return refuse(409, { form: e().agendaLocked });
  return null;
}

/** An agenda change in one transaction while the meeting is not yet held. */
function changeAgenda(meetingId: number, work: (tx: Transaction) => Promise<AgendaResult>) {
  return guarded(() => db.transaction(async (tx) => (await openAgenda(tx, meetingId)) ?? work(tx)));
}

/** Adding or editing an item: the agenda is open and the item's paper reference resolves. */
function writeAgendaItem(meetingId: number, input: AgendaItemInput, work: (tx: Transaction, values: ItemValues) => Promise<AgendaResult>) {
  return changeAgenda(meetingId, async (tx) => {
    const prepared = await itemValues(tx, input);
    if (prepared.error) return refuse(422, { paperReference: prepared.error });
    return work(tx, prepared.values!);
  });
}

export function addAgendaItem({ actorId, meetingId, input }: { actorId: number; meetingId: number; input: AgendaItemInput }) {
  return writeAgendaItem(meetingId, input, async (tx, values) => {
    const position = await nextPosition(tx, agendaItems, agendaItems.position, eq(agendaItems.meetingId, meetingId));
    const [row] = await tx
      .insert(agendaItems)
      .values({ ...values, ...renderedColumns("plain", { descriptionHtml: input.description, minutesHtml: null }), meetingId, position })
      .returning({ id: agendaItems.id });
    await recordAudit(tx, audit("agenda_item.create", meetingId, actorId, { itemId: row.id, number: input.number }));
    return { ok: true } as const;
  });
}

export function updateAgendaItem(args: { actorId: number; meetingId: number; itemId: number; input: AgendaItemInput }) {
  const { actorId, meetingId, itemId, input } = args;
  return writeAgendaItem(meetingId, input, async (tx, values) => {
    const [row] = await tx
      .update(agendaItems)
      .set({ ...values, ...renderedColumnsOnly("plain", { descriptionHtml: input.description }), updatedAt: new Date() })
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .returning({ id: agendaItems.id });
    if (!row) return refuse(404, { form: e().itemNotFound });
    await recordAudit(tx, audit("agenda_item.update", meetingId, actorId, { itemId, number: input.number }));
    return { ok: true } as const;
  });
}

export function removeAgendaItem({ actorId, meetingId, itemId }: { actorId: number; meetingId: number; itemId: number }) {
  return changeAgenda(meetingId, async (tx) => {
    const [row] = await tx
      .delete(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .returning({ id: agendaItems.id, number: agendaItems.number });
    if (!row) return refuse(404, { form: e().itemNotFound });
    await recordAudit(tx, audit("agenda_item.delete", meetingId, actorId, { itemId, number: row.number }));
    return { ok: true } as const;
  });
}

/** Swaps the item with its neighbour above or below; at the edge nothing changes. */
export function moveAgendaItem(args: { actorId: number; meetingId: number; itemId: number; direction: "up" | "down" }) {
  const { actorId, meetingId, itemId, direction } = args;
  return changeAgenda(meetingId, async (tx) => {
    const [item] = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
    if (!item) return refuse(404, { form: e().itemNotFound });
    const [neighbour] = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), direction === "up" ? lt(agendaItems.position, item.position) : gt(agendaItems.position, item.position)))
      .orderBy(direction === "up" ? desc(agendaItems.position) : asc(agendaItems.position))
      .limit(1);
    if (!neighbour) return { ok: true } as const;
    // Park the item on a free negative slot so the unique (meeting, position) index holds throughout.
    await tx.update(agendaItems).set({ position: -item.id }).where(eq(agendaItems.id, item.id));
    await tx.update(agendaItems).set({ position: item.position }).where(eq(agendaItems.id, neighbour.id));
    await tx.update(agendaItems).set({ position: neighbour.position }).where(eq(agendaItems.id, item.id));
    await recordAudit(tx, audit("agenda_item.move", meetingId, actorId, { itemId, direction }));
    return { ok: true } as const;
  });
}

/** Minutes and result of one item: only once the meeting is held. */
export function recordItemMinutes({ actorId, meetingId, input }: { actorId: number; meetingId: number; input: ItemMinutesInput }) {
  return db.transaction(async (tx): Promise<AgendaResult> => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return refuse(404, { form: e().notFound });
    if (meeting.state !== "durchgefuehrt") return refuse(409, { form: e().minutesBeforeHeld });
    const [row] = await tx
      .update(agendaItems)
      .set({ minutes: input.minutes, ...renderedColumnsOnly("plain", { minutesHtml: input.minutes }), result: input.result, updatedAt: new Date() })
      .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, meetingId)))
      .returning({ id: agendaItems.id });
    if (!row) return refuse(404, { form: e().itemNotFound });
    await recordAudit(tx, audit("agenda_item.minutes", meetingId, actorId, { itemId: input.itemId }));
    return { ok: true };
  });
}
