import { and, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { consultations, councilAgendaItems, councilMeetings, organizations, papers, type PaperType } from "#db/schema";
import { t } from "~/i18n/de";
import { berlinDate } from "~/oparl/export/format";
import type { SourceClient } from "./client.server";
import { dateOf, dateTimeOf, isDeleted, isRecord, listOf, mapPaperType, mapResult, mapRole, textOf, webUrlOf } from "./normalize";
import { resolveOrganization } from "./organizations.server";
import { recordPaperFiles, type FileContext } from "./files.server";
import type { Outcome } from "./report";
import { admitSourceObject, type Imported } from "./admit.server";
import { councilDecisionArrived } from "~/commitments/events.server";
import { renderedColumns } from "~/server/markdown/stored.server";

const refused = t.oparl.import.refused;

type Step = { oparlSourceId: string; organizationId: number; meetingSource: string | null; agendaItemSource: string | null; role: ReturnType<typeof mapRole> };
type Refusal = { refused: string };

async function readSteps(client: SourceClient, raw: unknown, orgCache: Map<string, number | null>): Promise<Step[] | Refusal> {
  const steps: Step[] = [];
  for (const entry of listOf(raw).slice(0, 100)) {
    if (!isRecord(entry) || isDeleted(entry)) continue;
    const id = client.own(entry.id);
    if (!id) continue;
    const orgSource = listOf(entry.organization)
      .map((value) => client.own(value))
      .find(Boolean);
    const organizationId = orgSource ? await resolveOrganization(client, orgSource, orgCache) : null;
    if (!organizationId) return { refused: refused.noOrganization };
    const role = textOf(entry.role, 200);
    const authoritative = typeof entry.authoritative === "boolean" ? entry.authoritative : null;
    steps.push({
      oparlSourceId: id,
      organizationId,
      meetingSource: client.own(entry.meeting),
      agendaItemSource: client.own(entry.agendaItem),
      role: mapRole(role === "too-long" ? null : role, authoritative),
    });
  }
  return steps;
}

async function originatorOf(client: SourceClient, raw: Record<string, unknown>) {
  const sources = [...listOf(raw.originatorOrganization), ...listOf(raw.underDirectionOf)]
    .map((value) => client.own(value))
    .filter((v): v is string => Boolean(v));
  if (sources.length === 0) return null;
  const [row] = await db.select({ name: organizations.name }).from(organizations).where(inArray(organizations.oparlSourceId, sources)).limit(1);
  return row?.name ?? null;
}

/**
 * A Paper of the source with its Gremienweg, in one transaction. Matched by OParl id, else by
 * reference to a paper staff typed by hand (linked). On the RIS's fields the RIS wins: name,
 * reference, date, type and the whole Gremienweg; the board's text, notes and links stay.
 */
export async function upsertPaper(
  client: SourceClient,
  input: unknown,
  orgCache: Map<string, number | null>,
  files: FileContext = { runId: null, count: () => {} },
): Promise<Imported> {
  const admitted = await admitSourceObject(client, input, "Paper", buryPaper);
  if ("done" in admitted) return admitted.done;
  const { raw, id } = admitted;
  const name = textOf(raw.name, 2000);
  const reference = textOf(raw.reference, 100);
  const paperType = textOf(raw.paperType, 200);
  if (name === "too-long" || reference === "too-long" || paperType === "too-long") return { outcome: { refused: refused.tooLong }, id };
  if (!name) return { outcome: { refused: refused.noName }, id };
  if (!reference) return { outcome: { refused: refused.noReference }, id };
  const created = dateTimeOf(raw.created);
  const date = dateOf(raw.date) ?? (created ? berlinDate(created) : null);
  if (!date) return { outcome: { refused: refused.noDate }, id };
  const steps = await readSteps(client, raw.consultation, orgCache);
  if (!Array.isArray(steps)) return { outcome: steps, id };
  const modified = dateTimeOf(raw.modified);
  const web = webUrlOf(raw.web);
  const originator = (await originatorOf(client, raw)) ?? t.oparl.import.unknownOriginator;
  // Unknown RIS types are kept as text (the DB allows that for imported rows only).
  const ris = {
    name,
    reference,
    date,
    paperType: mapPaperType(paperType) as PaperType,
    oparlSourceId: id,
    oparlSourceWeb: web,
    oparlSourceModified: modified,
    oparlSourceDeletedAt: null,
  };
  return db.transaction(async (tx) => {
    const [known] = await tx.select().from(papers).where(eq(papers.oparlSourceId, id));
    if (known && !known.oparlSourceDeletedAt && modified && known.oparlSourceModified?.getTime() === modified.getTime())
      return { outcome: "unchanged" as const, id };
    const [sameReference] = await tx.select().from(papers).where(eq(papers.reference, reference));
    if (sameReference && sameReference.id !== known?.id && sameReference.oparlSourceId) return { outcome: { refused: refused.referenceTaken(reference) }, id };
    const target = known ?? sameReference;
    let paperId: number;
    if (target) {
      await tx
        .update(papers)
        .set({ ...ris, updatedAt: new Date() })
        .where(eq(papers.id, target.id));
      paperId = target.id;
    } else {
      [{ id: paperId }] = await tx
        .insert(papers)
        .values({ ...ris, originator, body: "", ...renderedColumns("plain", { bodyHtml: "", resolutionRecommendationHtml: null }) })
        .returning({ id: papers.id });
    }
    await replaceSteps(tx, paperId, steps);
    await recordPaperFiles(tx, client, paperId, raw, files);
    return { outcome: target ? ("updated" as const) : ("created" as const), id };
  });
}

async function replaceSteps(tx: Executor, paperId: number, steps: Step[]) {
  const ids = steps.map((step) => step.oparlSourceId);
  const before = await tx
    .select({ oparlSourceId: consultations.oparlSourceId, result: consultations.result, resultText: consultations.resultText })
    .from(consultations)
    .where(eq(consultations.paperId, paperId));
  const decided: number[] = [];
  await tx
    .delete(consultations)
    .where(
      and(eq(consultations.paperId, paperId), or(isNull(consultations.oparlSourceId), ids.length ? notInArray(consultations.oparlSourceId, ids) : sql`true`)),
    );
  // Park the remaining steps out of the way so the (paper, position) index holds while reordering.
  await tx
    .update(consultations)
    .set({ position: sql`${consultations.position} + 100000` })
    .where(eq(consultations.paperId, paperId));
  for (const [index, step] of steps.entries()) {
    const meeting = step.meetingSource
      ? (
          await tx
            .select({ id: councilMeetings.id, start: councilMeetings.start })
            .from(councilMeetings)
            .where(eq(councilMeetings.oparlSourceId, step.meetingSource))
        )[0]
      : undefined;
    const [item] = await tx
      .select()
      .from(councilAgendaItems)
      .where(
        or(
          step.agendaItemSource ? eq(councilAgendaItems.oparlSourceId, step.agendaItemSource) : sql`false`,
          eq(councilAgendaItems.consultationSourceId, step.oparlSourceId),
        ),
      )
      .limit(1);
    const date = meeting?.start ? berlinDate(meeting.start) : null;
    const { result, resultText } = mapResult(item?.result ?? null);
    const values = {
      paperId,
      organizationId: step.organizationId,
      position: index + 1,
      role: step.role.role,
      roleText: step.role.roleText,
      councilMeetingId: meeting?.id ?? null,
      date,
      agendaItemNumber: item?.number ?? null,
      isPublic: item ? item.isPublic : true,
      result: date ? result : null,
      resultText: date ? resultText : (item?.result ?? null),
      countYes: null,
      countNo: null,
      countAbstention: null,
      oparlSourceId: step.oparlSourceId,
    };
    const [saved] = await tx
      .insert(consultations)
      .values(values)
      .onConflictDoUpdate({ target: consultations.oparlSourceId, set: { ...values, updatedAt: new Date() } })
      .returning({ id: consultations.id });
    const previous = before.find((row) => row.oparlSourceId === step.oparlSourceId);
    if (values.date && (values.result || values.resultText) && (previous?.result !== values.result || previous?.resultText !== values.resultText))
      decided.push(saved.id);
  }
  // A new or changed council result: followers of the recommendations on this paper hear of it.
  await councilDecisionArrived(tx, { consultationIds: decided });
}

/** A tombstone of the source hides the paper; recommendations citing it show it as withdrawn. */
async function buryPaper(id: string): Promise<Outcome> {
  const [row] = await db
    .update(papers)
    .set({ oparlSourceDeletedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(papers.oparlSourceId, id), isNull(papers.oparlSourceDeletedAt)))
    .returning({ id: papers.id });
  return row ? "deleted" : "unchanged";
}
