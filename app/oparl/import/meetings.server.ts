import { and, eq, notInArray, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { consultations, councilAgendaItems, councilMeetings } from "#db/schema";
import { t } from "~/i18n/de";
import { berlinDate } from "~/oparl/export/format";
import type { SourceClient } from "./client.server";
import { dateTimeOf, isDeleted, isRecord, listOf, mapResult, textOf, webUrlOf } from "./normalize";
import { resolveOrganization } from "./organizations.server";
import type { Outcome } from "./report";
import { admitSourceObject, type Imported } from "./admit.server";

const refused = t.oparl.import.refused;

type AgendaValues = {
  oparlSourceId: string;
  consultationSourceId: string | null;
  number: string | null;
  name: string | null;
  isPublic: boolean;
  result: string | null;
};

function agendaItemsOf(client: SourceClient, raw: unknown): AgendaValues[] {
  const items: AgendaValues[] = [];
  for (const entry of listOf(raw).slice(0, 500)) {
    if (!isRecord(entry) || isDeleted(entry)) continue;
    const id = client.own(entry.id);
    if (!id) continue;
    const short = (value: unknown, max: number) => {
      const v = textOf(value, max);
      return v === "too-long" ? null : v;
    };
    items.push({
      oparlSourceId: id,
      consultationSourceId: client.own(entry.consultation),
      number: short(entry.number, 50),
      name: short(entry.name, 1000),
      isPublic: entry.public !== false && entry.public !== "false",
      result: short(entry.result, 500),
    });
  }
  return items;
}

/**
 * A council meeting of the source (never a board meeting) with the agenda items the
 * Gremienweg needs. Their numbers and results flow into the consultations they belong to.
 */
export async function upsertCouncilMeeting(client: SourceClient, input: unknown, orgCache: Map<string, number | null>): Promise<Imported> {
  const admitted = await admitSourceObject(client, input, "Meeting", buryMeeting);
  if ("done" in admitted) return admitted.done;
  const { raw, id } = admitted;
  const start = dateTimeOf(raw.start);
  const name = textOf(raw.name, 500);
  if (name === "too-long") return { outcome: { refused: refused.tooLong }, id };
  if (!name && !start) return { outcome: { refused: refused.noName }, id };
  const end = dateTimeOf(raw.end);
  const orgSource = listOf(raw.organization)
    .map((value) => client.own(value))
    .find(Boolean);
  const organizationId = orgSource ? await resolveOrganization(client, orgSource, orgCache) : null;
  const location = isRecord(raw.location) ? textOf(raw.location.description ?? raw.location.streetAddress, 500) : null;
  const web = webUrlOf(raw.web);
  const modified = dateTimeOf(raw.modified);
  const values = {
    oparlSourceId: id,
    oparlSourceWeb: web,
    oparlSourceModified: modified,
    organizationId,
    name: name ?? `Sitzung vom ${berlinDate(start!)}`,
    start,
    end: end && start && end > start ? end : null,
    location: location === "too-long" ? null : location,
    cancelled: raw.cancelled === true,
    deletedAt: null,
  };
  const items = agendaItemsOf(client, raw.agendaItem);
  return db.transaction(async (tx) => {
    const [known] = await tx.select().from(councilMeetings).where(eq(councilMeetings.oparlSourceId, id));
    if (known && !known.deletedAt && modified && known.oparlSourceModified?.getTime() === modified.getTime()) return { outcome: "unchanged" as const, id };
    let meetingId: number;
    if (known) {
      await tx
        .update(councilMeetings)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(councilMeetings.id, known.id));
      await tx.execute(sql`select oparl_unbury('meeting', ${`rat-${known.id}`})`);
      meetingId = known.id;
    } else {
      [{ id: meetingId }] = await tx.insert(councilMeetings).values(values).returning({ id: councilMeetings.id });
    }
    await replaceAgendaItems(tx, meetingId, items, start);
    return { outcome: known ? ("updated" as const) : ("created" as const), id };
  });
}

async function replaceAgendaItems(tx: Executor, meetingId: number, items: AgendaValues[], start: Date | null) {
  const ids = items.map((item) => item.oparlSourceId);
  await tx
    .delete(councilAgendaItems)
    .where(and(eq(councilAgendaItems.councilMeetingId, meetingId), ids.length ? notInArray(councilAgendaItems.oparlSourceId, ids) : undefined));
  for (const item of items) {
    await tx
      .insert(councilAgendaItems)
      .values({ ...item, councilMeetingId: meetingId })
      .onConflictDoUpdate({ target: councilAgendaItems.oparlSourceId, set: { ...item, councilMeetingId: meetingId, updatedAt: new Date() } });
    if (item.consultationSourceId) await applyAgendaItem(tx, item, meetingId, start);
  }
}

/** A known Gremienweg step learns its TOP number, result and date from the agenda item. */
export async function applyAgendaItem(
  tx: Executor,
  item: Pick<AgendaValues, "oparlSourceId" | "consultationSourceId" | "number" | "result" | "isPublic">,
  meetingId: number,
  start: Date | null,
) {
  const { result, resultText } = mapResult(item.result);
  const date = start ? berlinDate(start) : null;
  await tx
    .update(consultations)
    .set({
      councilMeetingId: meetingId,
      agendaItemNumber: item.number,
      date,
      result: date ? result : null,
      resultText: date ? resultText : item.result,
      isPublic: item.isPublic,
      updatedAt: new Date(),
    })
    .where(item.consultationSourceId ? eq(consultations.oparlSourceId, item.consultationSourceId) : sql`false`);
}

async function buryMeeting(id: string): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const [known] = await tx.select().from(councilMeetings).where(eq(councilMeetings.oparlSourceId, id));
    if (!known) return "unchanged" as const;
    if (known.deletedAt) return "unchanged" as const;
    await tx.update(councilMeetings).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(councilMeetings.id, known.id));
    await tx.execute(sql`select oparl_bury('meeting', ${`rat-${known.id}`}, ${known.createdAt.toISOString()}::timestamptz)`);
    return "deleted" as const;
  });
}
