import { and, asc, getTableName, gt, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { db, queryRows } from "#db/client.server";
import { agendaItems, comments, papers, recommendations, topics } from "#db/schema";
import { registerJobHandler } from "~/server/jobs/registry.server";
import { markdownStamp, renderInMode, type MarkdownMode } from "./stored.server";

export const MARKDOWN_RENDER_JOB = "markdown.render";
const BATCH = 100;

type MarkdownColumns = Array<{ source: PgColumn; html: PgColumn }>;
type StoredMarkdown = { table: PgTable; mode: MarkdownMode; id: PgColumn; stamp: PgColumn; columns: MarkdownColumns };

/** Each such table keys its rows by `id` and keeps the renderer's stamp in `html_stamp`. */
const stored = (table: PgTable & { id: PgColumn; htmlStamp: PgColumn }, mode: MarkdownMode, columns: MarkdownColumns): StoredMarkdown => ({
  table,
  mode,
  id: table.id,
  stamp: table.htmlStamp,
  columns,
});

/** Every table with Markdown rendered at write time (app/server/markdown/stored.server.ts). */
const STORED: StoredMarkdown[] = [
  stored(topics, "portal", [{ source: topics.body, html: topics.bodyHtml }]),
  stored(comments, "portal", [{ source: comments.body, html: comments.bodyHtml }]),
  stored(recommendations, "portal", [{ source: recommendations.body, html: recommendations.bodyHtml }]),
  stored(papers, "plain", [
    { source: papers.body, html: papers.bodyHtml },
    { source: papers.resolutionRecommendation, html: papers.resolutionRecommendationHtml },
  ]),
  stored(agendaItems, "plain", [
    { source: agendaItems.description, html: agendaItems.descriptionHtml },
    { source: agendaItems.minutes, html: agendaItems.minutesHtml },
  ]),
];

const column = (c: PgColumn) => sql.identifier(c.name);
const stale = (spec: StoredMarkdown, stamp: string): SQL => or(isNull(spec.stamp), ne(spec.stamp, stamp))!;

/**
 * One batch of one table: the next rows after `afterId` whose stamp is not the current one,
 * rendered here and written back in one statement; returns the last id it read. A row whose
 * source changed meanwhile is left alone (its writer stored the HTML of the new text); an older
 * stamp or none is what makes a row stale. Each batch starts after the last id of the one before:
 * starting from the first id again, a batch re-read every row rendered before it (the 100 % bench
 * board's 200 000 comments: 0.7 s per batch towards the end).
 */
async function renderBatch(spec: StoredMarkdown, afterId: number): Promise<{ count: number; lastId: number }> {
  const stamp = markdownStamp(spec.mode);
  const selection: Record<string, PgColumn> = { id: spec.id };
  spec.columns.forEach((c, index) => (selection[`s${index}`] = c.source));
  const rows = (await db
    .select(selection)
    .from(spec.table)
    .where(and(gt(spec.id, afterId), stale(spec, stamp)))
    .orderBy(asc(spec.id))
    .limit(BATCH)) as Array<Record<string, string | number | null>>;
  if (rows.length === 0) return { count: 0, lastId: afterId };
  const values = rows.map((row) => {
    const value: Record<string, string | number | null> = { id: row.id };
    spec.columns.forEach((_c, index) => {
      const source = row[`s${index}`] as string | null;
      value[`s${index}`] = source;
      value[`h${index}`] = source === null ? null : renderInMode(spec.mode, source);
    });
    return value;
  });
  const recordColumns = sql.raw(["id bigint", ...spec.columns.flatMap((_c, index) => [`s${index} text`, `h${index} text`])].join(", "));
  const assignments = sql.join(
    spec.columns.map((c, index) => sql`${column(c.html)} = v.${sql.raw(`h${index}`)}`),
    sql`, `,
  );
  const sameSource = sql.join(
    spec.columns.map((c, index) => sql`t.${column(c.source)} is not distinct from v.${sql.raw(`s${index}`)}`),
    sql` and `,
  );
  const table = sql.identifier(getTableName(spec.table));
  await db.execute(sql`update ${table} as t set ${assignments}, ${column(spec.stamp)} = ${stamp}
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(${recordColumns})
    where t.${column(spec.id)} = v.id and ${sameSource}`);
  return { count: rows.length, lastId: Number(rows[rows.length - 1].id) };
}

/** Re-renders every stale row, table by table, a batch per statement; returns how many were rendered. */
export async function renderStaleMarkdown() {
  let total = 0;
  for (const spec of STORED) {
    let afterId = 0;
    for (;;) {
      const batch = await renderBatch(spec, afterId);
      total += batch.count;
      afterId = batch.lastId;
      if (batch.count < BATCH) break;
    }
  }
  return total;
}

/**
 * At start: when any row's HTML is missing (rows from before migration 0022) or stamped by
 * another renderer version or portal host, queue one re-render job unless one is queued already.
 * One statement; pages render such rows on the fly meanwhile.
 */
export async function enqueueStaleMarkdownRendering() {
  const anyStale = sql.join(
    STORED.map((spec) => sql`exists (select 1 from ${sql.identifier(getTableName(spec.table))} where ${stale(spec, markdownStamp(spec.mode))})`),
    sql` or `,
  );
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into jobs (kind, payload) select ${MARKDOWN_RENDER_JOB}, '{}'::jsonb
      where not exists (select 1 from jobs where kind = ${MARKDOWN_RENDER_JOB} and state in ('pending', 'running')) and (${anyStale})
      returning id`,
  );
  return rows.length > 0;
}

export function registerMarkdownJobs() {
  registerJobHandler(MARKDOWN_RENDER_JOB, async () => {
    await renderStaleMarkdown();
  });
}
