import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { papers, recommendationPapers, recommendations, recommendationVotes } from "#db/schema";
import { paperPath, paperStatusSql } from "~/papers/status.server";
import { visibleTo } from "~/recommendations/recommendations.server";
import { can, type Reader } from "~/policy.server";

const DASHBOARD_LIMIT = 5;

/**
 * A council member's view: recommendations published since the previous visit, and the papers
 * the board recommended on that the council has not decided yet.
 */
export async function getRecommendationDashboard({ reader, since }: { reader: NonNullable<Reader>; since: Date | null }) {
  const published = and(eq(recommendations.status, "published"), visibleTo(reader));
  const paperVisible = can(reader, "read:paper:internal") ? sql`true` : eq(papers.isPublic, true);
  const [fresh, awaiting] = await Promise.all([
    db
      .select({ id: recommendations.id, reference: recommendations.reference, title: recommendations.title, publishedAt: recommendations.publishedAt })
      .from(recommendations)
      .where(since ? and(published, gt(recommendations.publishedAt, since)) : published)
      .orderBy(desc(recommendations.publishedAt), desc(recommendations.id))
      .limit(DASHBOARD_LIMIT),
    db
      .select({
        paperReference: papers.reference,
        paperName: papers.name,
        recommendationId: recommendations.id,
        recommendationReference: recommendations.reference,
        recommendationTitle: recommendations.title,
      })
      .from(recommendationPapers)
      .innerJoin(recommendations, eq(recommendations.id, recommendationPapers.recommendationId))
      .innerJoin(papers, eq(papers.id, recommendationPapers.paperId))
      .where(and(published, paperVisible, sql`${paperStatusSql(papers.id)} = 'offen'`))
      .orderBy(desc(recommendations.publishedAt), papers.reference)
      .limit(DASHBOARD_LIMIT * 2),
  ]);
  return { fresh, awaiting: awaiting.map((row) => ({ ...row, paperPath: paperPath(row.paperReference) })) };
}

/** Votes still open in which the expert has neither voted nor declared a conflict of interest. */
export async function listBallotsAwaitingVote({ voter }: { voter: { id: number } }) {
  return db
    .select({ id: recommendations.id, title: recommendations.title, voteDeadline: recommendations.voteDeadline })
    .from(recommendations)
    .leftJoin(recommendationVotes, and(eq(recommendationVotes.recommendationId, recommendations.id), eq(recommendationVotes.userId, voter.id)))
    .where(
      and(
        eq(recommendations.status, "voting"),
        isNull(recommendationVotes.id),
        or(isNull(recommendations.voteDeadline), gt(recommendations.voteDeadline, sql`now()`)),
      ),
    )
    .orderBy(sql`${recommendations.voteDeadline} asc nulls last`, recommendations.id)
    .limit(DASHBOARD_LIMIT);
}
