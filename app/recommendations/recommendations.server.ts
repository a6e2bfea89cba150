import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import {
  papers,
  recommendationCoauthors,
  recommendationPapers,
  recommendations,
  recommendationVersions,
  users,
  type ConsultationResult,
  type ConsultationRole,
  type Role,
} from "#db/schema";
import { paperPath, paperStatusSql } from "~/papers/status.server";
import { can, type Reader } from "~/policy.server";

export const RECOMMENDATION_PAGE_SIZE = 20;

/** What a reader may see, as a where clause: board all, council published, visitors public ones. */
export function visibleTo(reader: Reader): SQL {
  if (can(reader, "read:recommendation:draft")) return sql`true`;
  if (can(reader, "read:recommendation:published")) return eq(recommendations.status, "published");
  return and(eq(recommendations.status, "published"), eq(recommendations.isPublic, true))!;
}

/** Visitors see public papers only; every signed-in role may read internal papers. */
function paperVisibleTo(reader: Reader): SQL {
  return can(reader, "read:paper:internal") ? sql`true` : eq(papers.isPublic, true);
}

const listColumns = {
  id: recommendations.id,
  reference: recommendations.reference,
  title: recommendations.title,
  summary: recommendations.summary,
  status: recommendations.status,
  isPublic: recommendations.isPublic,
  result: recommendations.result,
  publishedAt: recommendations.publishedAt,
  updatedAt: recommendations.updatedAt,
  voteDeadline: recommendations.voteDeadline,
};

export async function listRecommendations({ reader, page }: { reader: Reader; page: number }) {
  const where = visibleTo(reader);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(recommendations)
      .where(where)
      .orderBy(sql`${recommendations.status} = 'published'`, desc(recommendations.updatedAt), desc(recommendations.id))
      .limit(RECOMMENDATION_PAGE_SIZE)
      .offset((page - 1) * RECOMMENDATION_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(recommendations)
      .where(where),
  ]);
  return { items: rows, total };
}

export type RecommendationListItem = Awaited<ReturnType<typeof listRecommendations>>["items"][number];

/** The recommendation if the reader may see it, else null (a 404 for the route). */
export async function getVisibleRecommendation({ id, reader, executor = db }: { id: number; reader: Reader; executor?: Executor }) {
  const [row] = await executor
    .select({ rec: recommendations, authorName: users.name, authorDeleted: users.deletedAt })
    .from(recommendations)
    .leftJoin(users, eq(users.id, recommendations.createdById))
    .where(and(eq(recommendations.id, id), visibleTo(reader)));
  return row ? withStoredHtmlApart(row).rec : null;
}

/** The row as pages use it: the author's name (none once deleted), the search vector dropped, the stored HTML apart. */
export function withStoredHtmlApart(row: { rec: typeof recommendations.$inferSelect; authorName: string | null; authorDeleted: Date | null }) {
  const { searchVector: _search, bodyHtml, htmlStamp, ...rec } = row.rec;
  return { rec: { ...rec, authorName: row.authorDeleted ? null : row.authorName }, stored: { bodyHtml, htmlStamp } };
}

/** Author, co-author, or staff/admin; only while the text is a draft (checked by the caller). */
export async function mayEditDraft({ id, user, executor = db }: { id: number; user: { id: number; role: Role }; executor?: Executor }) {
  if (can(user, "manage:recommendation")) return true;
  if (!can(user, "update:recommendation:own")) return false;
  const [row] = await executor
    .select({ id: recommendations.id })
    .from(recommendations)
    .leftJoin(recommendationCoauthors, and(eq(recommendationCoauthors.recommendationId, recommendations.id), eq(recommendationCoauthors.userId, user.id)))
    .where(and(eq(recommendations.id, id), sql`(${recommendations.createdById} = ${user.id} or ${recommendationCoauthors.userId} is not null)`));
  return Boolean(row);
}

export async function listVersions({ id }: { id: number }) {
  return db
    .select({
      number: recommendationVersions.number,
      createdAt: recommendationVersions.createdAt,
      correctionNote: recommendationVersions.correctionNote,
      authorName: users.name,
    })
    .from(recommendationVersions)
    .leftJoin(users, eq(users.id, recommendationVersions.authorId))
    .where(eq(recommendationVersions.recommendationId, id))
    .orderBy(desc(recommendationVersions.number));
}

export async function getVersion({ id, number }: { id: number; number: number }) {
  const [row] = await db
    .select()
    .from(recommendationVersions)
    .where(and(eq(recommendationVersions.recommendationId, id), eq(recommendationVersions.number, number)));
  return row ?? null;
}

type LinkedStep = {
  paperId: number;
  body: string;
  date: string | null;
  role: ConsultationRole;
  result: ConsultationResult | null;
  resultText: string | null;
  position: number;
  countYes: number | null;
  countNo: number | null;
  countAbstention: number | null;
};

/**
 * Linked papers with all their consultations, both filtered for the reader, in one statement; the
 * page shows them and builds the timeline from them (withdrawn RIS papers are flagged, not dropped).
 */
export async function readLinkedPapers({ id, reader }: { id: number; reader: Reader }) {
  const stepVisible = can(reader, "read:paper:internal") ? sql`true` : sql`c.is_public`;
  return db
    .select({
      id: papers.id,
      reference: papers.reference,
      name: papers.name,
      paperType: papers.paperType,
      date: papers.date,
      status: paperStatusSql(papers.id),
      withdrawn: sql<boolean>`${papers.oparlSourceDeletedAt} is not null`,
      steps: sql<LinkedStep[]>`coalesce((
        select json_agg(json_build_object('paperId', c.paper_id, 'body', o.name, 'date', c.date, 'role', c.role, 'result', c.result,
            'resultText', c.result_text, 'position', c.position, 'countYes', c.count_yes, 'countNo', c.count_no, 'countAbstention', c.count_abstention)
          order by c.position)
        from consultations c join organizations o on o.id = c.organization_id
        where c.paper_id = ${papers.id} and ${stepVisible}
      ), '[]'::json)`,
    })
    .from(recommendationPapers)
    .innerJoin(papers, eq(papers.id, recommendationPapers.paperId))
    .where(and(eq(recommendationPapers.recommendationId, id), paperVisibleTo(reader)))
    .orderBy(asc(recommendationPapers.position), asc(papers.reference));
}

export type LinkedPaperRow = Awaited<ReturnType<typeof readLinkedPapers>>[number];

/** The linked papers as the page lists them: each with its Gremienweg and the council's decision. */
export function linkedPapersView(rows: LinkedPaperRow[]) {
  return rows.map(({ withdrawn: _withdrawn, steps, ...paper }) => {
    const gremienweg = steps.map((s) => ({
      paperId: s.paperId,
      body: s.body,
      date: s.date,
      role: s.role,
      result: s.result,
      countYes: s.countYes,
      countNo: s.countNo,
      countAbstention: s.countAbstention,
    }));
    const decision = gremienweg.find((s) => s.role === "entscheidung" && s.result) ?? null;
    return { ...paper, path: paperPath(paper.reference), gremienweg, decision };
  });
}

/** For the paper page: the board's recommendations on one paper that the reader may see. */
export async function listRecommendationsForPaper({ paperId, reader }: { paperId: number; reader: Reader }) {
  return db
    .select(listColumns)
    .from(recommendationPapers)
    .innerJoin(recommendations, eq(recommendations.id, recommendationPapers.recommendationId))
    .where(and(eq(recommendationPapers.paperId, paperId), visibleTo(reader)))
    .orderBy(desc(recommendations.publishedAt), desc(recommendations.id));
}
