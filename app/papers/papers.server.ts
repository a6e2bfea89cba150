import { refuse, type Refusal } from "~/lib/refusal";
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { consultations, organizations, paperRelations, papers } from "#db/schema";
import { t } from "~/i18n/de";
import { can, type Permission } from "~/policy.server";
import type { SessionUser } from "~/accounts/session.server";
import { recordAudit } from "../accounts/audit.server";
import { catchConstraint, isConstraintFailure } from "../meetings/db.server";
import type { PaperFilters, PaperInput } from "./schemas.server";
import { paperStatusSql, qualified, referenceFromSlug, type PaperStatus } from "./status.server";
import { renderedColumns } from "~/server/markdown/stored.server";
import { shownHtml } from "~/server/markdown/stored.server";

export type PaperViewer = Pick<SessionUser, "id" | "role"> | null;
export const PAPER_PAGE_SIZE = 20;

/** Visitors see public papers only; every account sees all of them. */
export function paperVisibleTo(viewer: PaperViewer): SQL {
  return can(viewer, "read:paper:internal" satisfies Permission) ? sql`true` : sql`${papers.isPublic}`;
}

function filterConditions(filters: PaperFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.typ) conditions.push(eq(papers.paperType, filters.typ));
  if (filters.jahr) {
    conditions.push(sql`${papers.date} >= ${`${filters.jahr}-01-01`}::date and ${papers.date} < ${`${filters.jahr + 1}-01-01`}::date`);
  }
  if (filters.gremium) {
    conditions.push(sql`exists (select 1 from consultations c join organizations o on o.id = c.organization_id
      where c.paper_id = ${qualified(papers.id)} and o.short_name = ${filters.gremium})`);
  }
  if (filters.status) conditions.push(sql`${paperStatusSql(papers.id)} = ${filters.status}`);
  return conditions;
}

/** What a paper's row in the list shows; the paper page adds its text and source. */
function paperColumns() {
  return {
    id: papers.id,
    reference: papers.reference,
    paperType: papers.paperType,
    name: papers.name,
    date: papers.date,
    originator: papers.originator,
    isPublic: papers.isPublic,
    status: paperStatusSql(papers.id),
  };
}

export async function listPapers({ viewer, filters, page }: { viewer: PaperViewer; filters: PaperFilters; page: number }) {
  const where = and(paperVisibleTo(viewer), isNull(papers.oparlSourceDeletedAt), ...filterConditions(filters));
  // Sorted as papers_date_idx is (NULLS LAST; `date` is never null), and counted apart (an
  // InitPlan), so that the page walks the index instead of sorting every paper (decision 103).
  const rows = await db
    .select({ ...paperColumns(), total: sql<number>`(select count(*) from ${papers} where ${where ?? sql`true`})`.mapWith(Number) })
    .from(papers)
    .where(where)
    .orderBy(sql`${papers.date} desc nulls last`, sql`${papers.id} desc nulls last`)
    .limit(PAPER_PAGE_SIZE)
    .offset((page - 1) * PAPER_PAGE_SIZE);
  return { papers: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export async function listOrganizations() {
  return db.select().from(organizations).orderBy(asc(organizations.name));
}

/** Years that have papers, newest first, for the filter. */
export async function listPaperYears({ viewer }: { viewer: PaperViewer }) {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${papers.date})::int`.mapWith(Number) })
    .from(papers)
    .where(paperVisibleTo(viewer))
    .orderBy(sql`1 desc`);
  return rows.map((row) => row.year);
}

export async function findPaper(args: { viewer: PaperViewer; reference: string }) {
  const row = await paperRow(args);
  if (!row) return null;
  const { storedBodyHtml: _b, storedResolutionRecommendationHtml: _r, htmlStamp: _s, ...paper } = row;
  return paper;
}

/** The paper page's view: body and Beschlussempfehlung as HTML, stored at write time or rendered now when stale. */
export async function findPaperBySlugWithHtml({ viewer, slug }: { viewer: PaperViewer; slug: string | undefined }) {
  const reference = await referenceOfSlug(slug);
  const row = reference ? await paperRow({ viewer, reference }) : null;
  if (!row) return null;
  const { storedBodyHtml, storedResolutionRecommendationHtml, htmlStamp, ...paper } = row;
  return {
    ...paper,
    bodyHtml: shownHtml("plain", paper.body, storedBodyHtml, htmlStamp),
    resolutionRecommendationHtml: paper.resolutionRecommendation
      ? shownHtml("plain", paper.resolutionRecommendation, storedResolutionRecommendationHtml, htmlStamp)
      : null,
  };
}

async function paperRow({ viewer, reference }: { viewer: PaperViewer; reference: string }) {
  const [paper] = await db
    .select({
      ...paperColumns(),
      underDirectionOf: papers.underDirectionOf,
      fileNumber: papers.fileNumber,
      body: papers.body,
      resolutionRecommendation: papers.resolutionRecommendation,
      storedBodyHtml: papers.bodyHtml,
      storedResolutionRecommendationHtml: papers.resolutionRecommendationHtml,
      htmlStamp: papers.htmlStamp,
      imported: sql<boolean>`${papers.oparlSourceId} is not null`,
      sourceWeb: papers.oparlSourceWeb,
      sourceModified: papers.oparlSourceModified,
      sourceDeletedAt: papers.oparlSourceDeletedAt,
    })
    .from(papers)
    .where(and(eq(papers.reference, reference), paperVisibleTo(viewer)));
  return paper ?? null;
}

export type PaperRow = NonNullable<Awaited<ReturnType<typeof findPaper>>> & { status: PaperStatus };

export async function listConsultations({ paperId }: { paperId: number }) {
  return db
    .select({
      id: consultations.id,
      position: consultations.position,
      organizationId: consultations.organizationId,
      organizationName: organizations.name,
      date: consultations.date,
      agendaItemNumber: consultations.agendaItemNumber,
      isPublic: consultations.isPublic,
      role: consultations.role,
      result: consultations.result,
      countYes: consultations.countYes,
      countNo: consultations.countNo,
      countAbstention: consultations.countAbstention,
      roleText: consultations.roleText,
      resultText: consultations.resultText,
    })
    .from(consultations)
    .innerJoin(organizations, eq(organizations.id, consultations.organizationId))
    .where(eq(consultations.paperId, paperId))
    .orderBy(asc(consultations.position));
}

/** Related papers both ways: `answers` are the papers this one refers to, `answeredBy` refer to it. */
export async function listRelatedPapers({ viewer, paperId }: { viewer: PaperViewer; paperId: number }) {
  const rows = await db
    .select({
      reference: papers.reference,
      paperType: papers.paperType,
      name: papers.name,
      date: papers.date,
      direction: sql<"answers" | "answeredBy">`case when ${paperRelations.paperId} = ${paperId} then 'answers' else 'answeredBy' end`,
    })
    .from(paperRelations)
    .innerJoin(
      papers,
      sql`${papers.id} = case when ${paperRelations.paperId} = ${paperId} then ${paperRelations.relatedPaperId} else ${paperRelations.paperId} end`,
    )
    .where(and(or(eq(paperRelations.paperId, paperId), eq(paperRelations.relatedPaperId, paperId)), paperVisibleTo(viewer)))
    .orderBy(asc(papers.date), asc(papers.reference));
  return rows;
}

type SaveResult = { ok: true; reference: string; id: number } | Refusal;

async function resolveRelated(tx: Executor, references: string[], ownReference: string) {
  if (references.includes(ownReference)) return { error: t.papers.errors.relatedSelf } as const;
  if (references.length === 0) return { ids: [] as number[] } as const;
  const found = await tx.select({ id: papers.id, reference: papers.reference }).from(papers).where(inArray(papers.reference, references));
  const missing = references.filter((ref) => !found.some((row) => row.reference === ref));
  if (missing.length > 0) return { error: t.papers.errors.relatedUnknown(missing.join(", ")) } as const;
  return { ids: found.map((row) => row.id) } as const;
}

/** Replaces the relations this paper records; relations recorded from the other paper stay. */
async function replaceRelations(tx: Executor, paperId: number, relatedIds: number[]) {
  await tx.delete(paperRelations).where(eq(paperRelations.paperId, paperId));
  if (relatedIds.length === 0) return;
  await tx
    .insert(paperRelations)
    .values(relatedIds.map((relatedPaperId) => ({ paperId, relatedPaperId })))
    .onConflictDoNothing();
}

/** References this paper itself refers to (the editable side of its relations). */
export async function listOwnRelatedReferences({ paperId }: { paperId: number }) {
  const rows = await db
    .select({ reference: papers.reference })
    .from(paperRelations)
    .innerJoin(papers, eq(papers.id, paperRelations.relatedPaperId))
    .where(eq(paperRelations.paperId, paperId))
    .orderBy(asc(papers.reference));
  return rows.map((row) => row.reference);
}

function paperValues(input: PaperInput) {
  const { relatedReferences: _related, ...values } = input;
  return { ...values, ...renderedColumns("plain", { bodyHtml: input.body, resolutionRecommendationHtml: input.resolutionRecommendation }) };
}

/**
 * Saves a paper and its related papers in one transaction. `write` stores the row and returns
 * its id (undefined when the paper is gone); a taken reference is refused on the field.
 */
async function savePaper(
  { actorId, action, input }: { actorId: number; action: string; input: PaperInput },
  write: (tx: Executor, values: ReturnType<typeof paperValues>) => Promise<number | undefined>,
): Promise<SaveResult> {
  const result = await catchConstraint(["papers_reference_idx"], () =>
    db.transaction(async (tx): Promise<SaveResult> => {
      const related = await resolveRelated(tx, input.relatedReferences, input.reference);
      if (related.error !== undefined) return refuse(422, { relatedReferences: related.error });
      const id = await write(tx, paperValues(input));
      if (id === undefined) return refuse(404, { form: t.papers.errors.notFound });
      await replaceRelations(tx, id, related.ids);
      await recordAudit(tx, { actorId, action, objectType: "paper", objectId: id, details: { reference: input.reference } });
      return { ok: true, reference: input.reference, id } as const;
    }),
  );
  if (isConstraintFailure(result)) return refuse(409, { reference: t.papers.errors.referenceTaken });
  return result;
}

export async function createPaper({ actorId, input }: { actorId: number; input: PaperInput }): Promise<SaveResult> {
  return savePaper({ actorId, action: "paper.create", input }, async (tx, values) => {
    const [paper] = await tx
      .insert(papers)
      .values({ ...values, createdById: actorId })
      .returning({ id: papers.id });
    return paper.id;
  });
}

export async function updatePaper({ actorId, paperId, input }: { actorId: number; paperId: number; input: PaperInput }): Promise<SaveResult> {
  return savePaper({ actorId, action: "paper.update", input }, async (tx, values) => {
    const [paper] = await tx
      .update(papers)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(papers.id, paperId))
      .returning({ id: papers.id });
    return paper?.id;
  });
}

/** A paper by its URL form ("AT-0014-2025"), as the viewer may see it. */
export async function findPaperBySlug({ viewer, slug }: { viewer: PaperViewer; slug: string | undefined }) {
  const reference = await referenceOfSlug(slug);
  return reference ? findPaper({ viewer, reference }) : null;
}

async function referenceOfSlug(slug: string | undefined) {
  return referenceFromSlug(slug ?? "") ?? (await importedReferenceFromSlug(slug ?? ""));
}

/** Imported papers keep the RIS's reference scheme ("0815/2025"); their URL is its slug. */
async function importedReferenceFromSlug(slug: string) {
  if (!/^[A-Za-z0-9][A-Za-z0-9.\- ]{0,99}$/.test(slug)) return null;
  const [row] = await db
    .select({ reference: papers.reference })
    .from(papers)
    .where(and(sql`${papers.oparlSourceId} is not null`, sql`replace(${papers.reference}, '/', '-') = ${slug}`))
    .limit(1);
  return row?.reference ?? null;
}
