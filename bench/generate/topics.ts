import { sql } from "drizzle-orm";
import { BASE, rows, run, textArray, type GenerateContext } from "./context";
import { COMMON_WORD, FIELDS, RARE_WORD, SENTENCES, TOPIC_TITLES } from "./text";

const FEATURED_COMMENTS = 500;
const COMMENTS_PAGE_SIZE = 50;

/**
 * 2,000 topics and 200,000 comments (a fifth of them replies), with the first version of each
 * comment; topic 1 (featured) has exactly 500 top-level comments. The rare word appears in
 * three comments, the common word in about every third.
 */
export async function generateTopics(ctx: GenerateContext) {
  const { db, people } = ctx;
  const experts = sql`${sql.raw(`array[${people.experts.join(",")}]::int[]`)}`;
  const expertCount = people.experts.length;
  const fields = await rows<{ id: number }>(
    db,
    sql`insert into topic_fields (name, position) select f, o from unnest(${textArray(FIELDS)}) with ordinality as t(f, o) returning id`,
  );
  const topicCount = ctx.count(2_000, 2);
  await run(
    db,
    sql`insert into topics (slug, title, body, field_id, author_id, status, visibility, created_at, last_activity_at)
        select 'thema-' || i, (${textArray(TOPIC_TITLES)})[1 + i % ${TOPIC_TITLES.length}] || ' (' || i || ')',
               (${textArray(SENTENCES)})[1 + i % ${SENTENCES.length}] || ' ' || (${textArray(SENTENCES)})[1 + (i * 5) % ${SENTENCES.length}],
               ${fields[0].id} + i % ${fields.length}, (${experts})[1 + i % ${expertCount}],
               case when i % 10 = 9 then 'closed' else 'open' end, case when i % 3 = 0 then 'public' else 'internal' end,
               ${BASE} - (i || ' hours')::interval, ${BASE} - (i || ' hours')::interval
        from generate_series(1, ${topicCount}) i`,
  );
  const [featured] = await rows<{ id: number }>(db, sql`select id from topics where slug = 'thema-1'`);
  const body = (i: ReturnType<typeof sql>) => sql`
    (${textArray(SENTENCES)})[1 + ${i} % ${SENTENCES.length}] || ' ' || (${textArray(SENTENCES)})[1 + (${i} * 7) % ${SENTENCES.length}]
    || case when ${i} % 3 = 0 then ' Die ${sql.raw(COMMON_WORD)} prüft das.' else '' end
    || case when ${i} in (7, 70007, 140007) then ' Langfristig zählt auch ${sql.raw(RARE_WORD)}.' else '' end`;
  await run(
    db,
    sql`insert into comments (topic_id, author_id, body, created_at)
        select ${featured.id}, (${experts})[1 + i % ${expertCount}], ${body(sql`i`)}, ${BASE} - interval '30 days' + (i || ' minutes')::interval
        from generate_series(1, ${FEATURED_COMMENTS}) i`,
  );
  const background = Math.max(10, ctx.count(200_000) - FEATURED_COMMENTS);
  const topLevel = Math.ceil(background * 0.8);
  await run(
    db,
    sql`insert into comments (topic_id, author_id, body, created_at)
        select (select min(id) from topics) + 1 + i % greatest(1, ${topicCount - 1}), (${experts})[1 + (i * 3) % ${expertCount}],
               ${body(sql`(i + ${FEATURED_COMMENTS})`)}, ${BASE} - ((i % 8760) || ' hours')::interval
        from generate_series(1, ${topLevel}) i`,
  );
  await run(
    db,
    sql`insert into comments (topic_id, parent_id, author_id, body, created_at)
        select c.topic_id, c.id, (${experts})[1 + (c.id * 5) % ${expertCount}], 'Antwort: ' || c.body, c.created_at + interval '1 hour'
        from comments c where c.topic_id <> ${featured.id} order by c.id limit ${background - topLevel}`,
  );
  await run(db, sql`insert into comment_versions (comment_id, version, body, created_at) select id, 1, body, created_at from comments`);
  await run(
    db,
    sql`update topics t set last_activity_at = greatest(t.created_at, c.latest)
        from (select topic_id, max(created_at) as latest from comments group by topic_id) c where c.topic_id = t.id`,
  );
  await run(db, sql`insert into follows (user_id, object_type, object_id) select ${people.benchExpert}, 'topic', id from topics order by id limit 20`);
  ctx.targets.topicSlug = "thema-1";
  ctx.targets.topicLastPage = Math.ceil(FEATURED_COMMENTS / COMMENTS_PAGE_SIZE);
}
