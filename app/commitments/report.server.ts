import { and, asc, inArray, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { recommendations } from "#db/schema";
import type { Reader } from "~/policy.server";
import { loadTimelines } from "./timeline.server";

/** A year's report holds at most this many recommendations (a board decides a few dozen). */
const REPORT_LIMIT = 200;

/**
 * The annual report: every recommendation the board adopted in the year (by the day its vote
 * closed, Berlin time) with its papers, council decision, outcome and open commitments.
 */
export async function loadAnnualReport({ year, reader }: { year: number; reader: Reader }) {
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const recs = await db
    .select({
      id: recommendations.id,
      reference: recommendations.reference,
      title: recommendations.title,
      status: recommendations.status,
      voteClosedAt: recommendations.voteClosedAt,
      publishedAt: recommendations.publishedAt,
    })
    .from(recommendations)
    .where(
      and(
        inArray(recommendations.status, ["adopted", "published"]),
        sql`(${recommendations.voteClosedAt} at time zone 'Europe/Berlin') >= ${from}::date and (${recommendations.voteClosedAt} at time zone 'Europe/Berlin') < ${until}::date`,
      ),
    )
    .orderBy(asc(recommendations.voteClosedAt), asc(recommendations.id))
    .limit(REPORT_LIMIT);
  const timelines = await loadTimelines({ recommendationIds: recs.map((r) => r.id), reader });
  return recs.map((rec) => {
    const timeline = timelines.get(rec.id)!;
    const papers = timeline.events.flatMap((event) => (event.kind === "paper" ? [event.reference] : []));
    const open = timeline.commitments.filter((c) => c.status === "offen" || c.status === "in_arbeit");
    return { ...rec, papers, councilDecision: timeline.councilDecision, outcome: timeline.outcome, openCommitments: open };
  });
}

/** Years with adopted recommendations, newest first, for the report's year links. */
export async function listReportYears() {
  const rows = await db
    .select({ year: sql<number>`extract(year from ${recommendations.voteClosedAt} at time zone 'Europe/Berlin')::int` })
    .from(recommendations)
    .where(inArray(recommendations.status, ["adopted", "published"]))
    .groupBy(sql`1`)
    .orderBy(sql`1 desc`);
  return rows.map((row) => Number(row.year));
}
