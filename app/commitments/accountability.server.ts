import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { commitmentEntries, commitments, recommendationOutcomes, recommendations } from "#db/schema";
import { visibleTo } from "~/recommendations/recommendations.server";
import type { Reader } from "~/policy.server";
import { loadTimelines } from "./timeline.server";
import { commitmentVisibleTo } from "./visibility.server";

export const ACCOUNTABILITY_PAGE_SIZE = 20;
/** The CSV holds every published recommendation the reader may see, bounded. */
const CSV_LIMIT = 500;
const FEED_SIZE = 50;

const published = (reader: Reader) => and(eq(recommendations.status, "published"), visibleTo(reader));

async function publishedRecommendations({ reader, limit, offset }: { reader: Reader; limit: number; offset: number }) {
  return db
    .select({ id: recommendations.id, reference: recommendations.reference, title: recommendations.title, publishedAt: recommendations.publishedAt })
    .from(recommendations)
    .where(published(reader))
    .orderBy(desc(recommendations.publishedAt), desc(recommendations.id))
    .limit(limit)
    .offset(offset);
}

/** The accountability page: published recommendations the reader may see, each with its timeline. */
export async function listAccountability({ reader, page }: { reader: Reader; page: number }) {
  const [recs, [{ total }]] = await Promise.all([
    publishedRecommendations({ reader, limit: ACCOUNTABILITY_PAGE_SIZE, offset: (page - 1) * ACCOUNTABILITY_PAGE_SIZE }),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(recommendations)
      .where(published(reader)),
  ]);
  const timelines = await loadTimelines({ recommendationIds: recs.map((r) => r.id), reader });
  return { total, items: recs.map((rec) => ({ ...rec, timeline: timelines.get(rec.id)! })) };
}

/** The status table as rows: one per commitment, or one per recommendation without commitments. */
export async function listStatusRows({ reader }: { reader: Reader }) {
  const recs = await publishedRecommendations({ reader, limit: CSV_LIMIT, offset: 0 });
  const timelines = await loadTimelines({ recommendationIds: recs.map((r) => r.id), reader });
  return recs.map((rec) => ({ ...rec, timeline: timelines.get(rec.id)! }));
}

/** Feed: status changes of the commitments the reader may see and the board's outcomes, newest first. */
export async function listAccountabilityFeed({ reader }: { reader: Reader }) {
  const [changes, outcomes] = await Promise.all([
    db
      .select({
        id: commitmentEntries.id,
        commitmentId: commitments.id,
        title: commitments.title,
        toStatus: commitmentEntries.toStatus,
        note: commitmentEntries.note,
        at: commitmentEntries.createdAt,
      })
      .from(commitmentEntries)
      .innerJoin(commitments, eq(commitments.id, commitmentEntries.commitmentId))
      .where(and(eq(commitmentEntries.kind, "status"), commitmentVisibleTo(reader)))
      .orderBy(desc(commitmentEntries.createdAt), desc(commitmentEntries.id))
      .limit(FEED_SIZE),
    db
      .select({
        recommendationId: recommendations.id,
        reference: recommendations.reference,
        title: recommendations.title,
        outcome: recommendationOutcomes.outcome,
        note: recommendationOutcomes.note,
        at: recommendationOutcomes.setAt,
      })
      .from(recommendationOutcomes)
      .innerJoin(recommendations, eq(recommendations.id, recommendationOutcomes.recommendationId))
      .where(published(reader))
      .orderBy(desc(recommendationOutcomes.setAt))
      .limit(FEED_SIZE),
  ]);
  return { changes, outcomes };
}
