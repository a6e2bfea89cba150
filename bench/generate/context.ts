import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../../db/client.server";

/**
 * What every domain generator gets. `scale` shrinks the background volume (1 = the full board of
 * issue 7); the featured objects the bench pages show (the topic with 500 comments, the round
 * with 10 raters × 5 proposals × 8 criteria …) are the same at every scale, so pages compare.
 */
export type GenerateContext = {
  db: Database;
  scale: number;
  /** Background rows for a full-size count, at least `min`. */
  count: (full: number, min?: number) => number;
  people: { admin: number; staff: number[]; experts: number[]; council: number[]; benchExpert: number };
  targets: BenchTargets;
};

/** The concrete objects behind the bench pages. */
export type BenchTargets = {
  sessionToken: string;
  topicSlug: string;
  topicLastPage: number;
  roundId: number;
  meetingId: number;
  paperSlug: string;
  recommendationId: number;
  commonWord: string;
  rareWord: string;
};

export function rows<T>(db: Database, query: SQL) {
  return queryRows<T>(db, query);
}

export async function run(db: Database, query: SQL) {
  await db.execute(query);
}

/** A SQL text[] literal from a list, for picking deterministic German text by index. */
export function textArray(items: readonly string[]) {
  return sql`${sql.raw(`array[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(",")}]::text[]`)}`;
}

/** Base time of all generated timestamps: today at midnight (UTC), so a day's runs agree. */
export const BASE = sql`date_trunc('day', now())`;
