import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { consultations, councilMeetings, organizations, paperRelations, papers, recommendationPapers, recommendations } from "#db/schema";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { berlinDate, compact, oparlDateTime, typeUrl, VENDOR, type OparlObject } from "./format";
import { oparlUrls, webUrls } from "./urls.server";
import { fileProperties, publicFilesOfOwners, type OwnerFiles } from "./files.server";

const text = t.oparl.export;
const visiblePaper = and(eq(papers.isPublic, true), sql`${papers.oparlSourceDeletedAt} is null`);
const visibleRecommendation = and(eq(recommendations.status, "published"), eq(recommendations.isPublic, true));

export const paperUrl = (id: number) => oparlUrls.object("paper", id);
export const recommendationPaperUrl = (id: number) => oparlUrls.object("paper", `em-${id}`);

/** Council papers (numeric keys) and published public recommendations ("em-<id>") by key. */
export async function loadPapers(keys: string[]): Promise<Map<string, OparlObject>> {
  const paperIds = keys.filter((key) => /^[0-9]{1,9}$/.test(key)).map(Number);
  const recIds = keys.filter((key) => /^em-[0-9]{1,9}$/.test(key)).map((key) => Number(key.slice(3)));
  const result = new Map<string, OparlObject>();
  // Both kinds' files in one query: a list page stays within its statement budget.
  const files = await publicFilesOfOwners({ paper: paperIds, recommendation: recIds });
  for (const paper of await loadCouncilPapers(paperIds, files.get("paper") ?? new Map())) result.set(String(paper.key), paper.object);
  for (const rec of await loadRecommendationPapers(recIds, files.get("recommendation") ?? new Map())) result.set(`em-${rec.key}`, rec.object);
  return result;
}

async function loadCouncilPapers(ids: number[], files: OwnerFiles) {
  if (ids.length === 0) return [];
  const [rows, steps, relations, answers] = await Promise.all([
    db
      .select()
      .from(papers)
      .where(and(inArray(papers.id, ids), visiblePaper)),
    db
      .select({ step: consultations, meetingId: councilMeetings.id, meetingDeleted: councilMeetings.deletedAt })
      .from(consultations)
      .leftJoin(councilMeetings, eq(councilMeetings.id, consultations.councilMeetingId))
      .where(and(inArray(consultations.paperId, ids), eq(consultations.isPublic, true)))
      .orderBy(asc(consultations.paperId), asc(consultations.position)),
    db
      .select({ paperId: paperRelations.paperId, relatedPaperId: paperRelations.relatedPaperId })
      .from(paperRelations)
      .innerJoin(
        papers,
        sql`${papers.id} = case when ${inArray(paperRelations.paperId, ids)} then ${paperRelations.relatedPaperId} else ${paperRelations.paperId} end`,
      )
      .where(and(or(inArray(paperRelations.paperId, ids), inArray(paperRelations.relatedPaperId, ids)), visiblePaper)),
    db
      .select({ paperId: recommendationPapers.paperId, recommendationId: recommendationPapers.recommendationId })
      .from(recommendationPapers)
      .innerJoin(recommendations, eq(recommendations.id, recommendationPapers.recommendationId))
      .where(and(inArray(recommendationPapers.paperId, ids), visibleRecommendation))
      .orderBy(asc(recommendations.publishedAt), asc(recommendations.id)),
  ]);
  return rows.map((paper) => {
    const related = [
      ...relations
        .filter((r) => r.paperId === paper.id || r.relatedPaperId === paper.id)
        .map((r) => paperUrl(r.paperId === paper.id ? r.relatedPaperId : r.paperId)),
      ...answers.filter((a) => a.paperId === paper.id).map((a) => recommendationPaperUrl(a.recommendationId)),
    ];
    const object = compact({
      id: paperUrl(paper.id),
      type: typeUrl("Paper"),
      body: oparlUrls.body(),
      name: paper.name,
      reference: paper.reference,
      date: paper.date,
      paperType: paper.paperType,
      relatedPaper: [...new Set(related)],
      consultation: steps.filter((s) => s.step.paperId === paper.id).map((s) => consultationObject(s.step, s.meetingDeleted ? null : s.meetingId)),
      ...fileProperties(files.get(paper.id), ["main"]),
      web: paper.oparlSourceId ? (paper.oparlSourceWeb ?? undefined) : webUrls.paper(paper.reference),
      [`${VENDOR}:web`]: paper.oparlSourceId ? webUrls.paper(paper.reference) : undefined,
      [`${VENDOR}:source`]: paper.oparlSourceId ?? undefined,
      [`${VENDOR}:originator`]: paper.originator,
      [`${VENDOR}:underDirectionOf`]: paper.underDirectionOf ?? undefined,
      [`${VENDOR}:fileNumber`]: paper.fileNumber ?? undefined,
      [`${VENDOR}:text`]: paper.body,
      [`${VENDOR}:resolutionRecommendation`]: paper.resolutionRecommendation ?? undefined,
      created: oparlDateTime(paper.createdAt),
      modified: oparlDateTime(paper.updatedAt),
    }) as OparlObject;
    return { key: paper.id, object };
  });
}

type Step = typeof consultations.$inferSelect;

export function consultationObject(step: Step, councilMeetingId: number | null): OparlObject {
  return compact({
    id: oparlUrls.object("consultation", step.id),
    type: typeUrl("Consultation"),
    paper: paperUrl(step.paperId),
    meeting: councilMeetingId ? oparlUrls.object("meeting", `rat-${councilMeetingId}`) : undefined,
    organization: [oparlUrls.object("organization", step.organizationId)],
    authoritative: step.role === "entscheidung",
    role: step.roleText ?? text.roles[step.role],
    [`${VENDOR}:date`]: step.date ?? undefined,
    [`${VENDOR}:agendaItemNumber`]: step.agendaItemNumber ?? undefined,
    [`${VENDOR}:result`]: step.resultText ?? (step.result ? text.results[step.result] : undefined),
    [`${VENDOR}:countYes`]: step.countYes ?? undefined,
    [`${VENDOR}:countNo`]: step.countNo ?? undefined,
    [`${VENDOR}:countAbstention`]: step.countAbstention ?? undefined,
    [`${VENDOR}:source`]: step.oparlSourceId ?? undefined,
    created: oparlDateTime(step.createdAt),
    modified: oparlDateTime(step.updatedAt),
  }) as OparlObject;
}

/** Public consultations of visible papers, by id. */
export async function loadConsultations(keys: string[]): Promise<Map<string, OparlObject>> {
  const ids = keys.filter((key) => /^[0-9]{1,9}$/.test(key)).map(Number);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ step: consultations, meetingId: councilMeetings.id, meetingDeleted: councilMeetings.deletedAt })
    .from(consultations)
    .innerJoin(papers, eq(papers.id, consultations.paperId))
    .leftJoin(councilMeetings, eq(councilMeetings.id, consultations.councilMeetingId))
    .where(and(inArray(consultations.id, ids), eq(consultations.isPublic, true), visiblePaper));
  return new Map(rows.map((row) => [String(row.step.id), consultationObject(row.step, row.meetingDeleted ? null : row.meetingId)]));
}

async function loadRecommendationPapers(ids: number[], files: OwnerFiles) {
  if (ids.length === 0) return [];
  const boardOrganization = sql<
    number | null
  >`(select ${organizations.id} from ${organizations} where ${organizations.shortName} = ${env().OPARL_BOARD_ORGANIZATION} limit 1)`;
  const [rows, links] = await Promise.all([
    db
      .select({ rec: recommendations, boardOrganization })
      .from(recommendations)
      .where(and(inArray(recommendations.id, ids), visibleRecommendation)),
    db
      .select({ recommendationId: recommendationPapers.recommendationId, paperId: recommendationPapers.paperId })
      .from(recommendationPapers)
      .innerJoin(papers, eq(papers.id, recommendationPapers.paperId))
      .where(and(inArray(recommendationPapers.recommendationId, ids), visiblePaper))
      .orderBy(asc(recommendationPapers.position)),
  ]);
  return rows.map(({ rec, boardOrganization }) => {
    const published = rec.publishedAt ?? rec.createdAt;
    const modified = rec.updatedAt > published ? rec.updatedAt : published;
    const object = compact({
      id: recommendationPaperUrl(rec.id),
      type: typeUrl("Paper"),
      body: oparlUrls.body(),
      name: rec.title,
      reference: rec.reference ?? undefined,
      date: berlinDate(published),
      paperType: text.recommendationPaperType,
      relatedPaper: links.filter((l) => l.recommendationId === rec.id).map((l) => paperUrl(l.paperId)),
      originatorOrganization: boardOrganization ? [oparlUrls.object("organization", boardOrganization)] : undefined,
      web: webUrls.recommendation(rec.id),
      ...fileProperties(files.get(rec.id), []),
      [`${VENDOR}:summary`]: rec.summary,
      [`${VENDOR}:text`]: rec.body,
      created: oparlDateTime(published),
      modified: oparlDateTime(modified),
    }) as OparlObject;
    return { key: rec.id, object };
  });
}
