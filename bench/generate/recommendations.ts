import { sql } from "drizzle-orm";
import { BASE, rows, run, textArray, type GenerateContext } from "./context";
import { SENTENCES } from "./text";

/**
 * 500 recommendations: most published (EM/NNNN/YYYY, two versions, votes of the 50 members,
 * links to topics, papers and rounds, five comments), some in vote or draft. The featured one
 * is the first.
 */
export async function generateRecommendations(ctx: GenerateContext) {
  const { db, people } = ctx;
  const count = ctx.count(500, 3);
  const experts = sql`${sql.raw(`array[${people.experts.join(",")}]::int[]`)}`;
  const members = people.experts.length;
  const yes = members - 6;
  const created = await rows<{ id: number }>(
    db,
    sql`insert into recommendations (reference, title, summary, body, status, created_by_id, latest_version, vote_opened_at, vote_deadline,
                                     voted_version, vote_closed_at, result, yes_count, no_count, abstain_count, recused_count, eligible_count,
                                     quorum_required, quorum_met, published_at, published_version, is_public, created_at)
        select case when i % 10 < 8 then 'EM/' || lpad(i::text, 4, '0') || '/2025' end,
               'Empfehlung ' || i || ': Digitalisierung der Verwaltung', 'Kurzfassung der Empfehlung ' || i,
               (${textArray(SENTENCES)})[1 + i % ${SENTENCES.length}] || E'\n\n' || (${textArray(SENTENCES)})[1 + (i * 5) % ${SENTENCES.length}],
               case when i % 10 < 8 then 'published' when i % 10 = 8 then 'voting' else 'draft' end,
               (${experts})[1 + i % ${members}], 2,
               case when i % 10 <= 8 then ${BASE} - (i || ' days')::interval end,
               case when i % 10 <= 8 then ${BASE} - (i || ' days')::interval + interval '14 days' end,
               case when i % 10 <= 8 then 2 end,
               case when i % 10 < 8 then ${BASE} - (i || ' days')::interval + interval '14 days' end,
               case when i % 10 < 8 then 'mehrheitlich' end,
               case when i % 10 < 8 then ${yes}::int end, case when i % 10 < 8 then 4 end, case when i % 10 < 8 then 2 end,
               case when i % 10 < 8 then 0 end, case when i % 10 < 8 then ${members}::int end,
               case when i % 10 < 8 then ${Math.ceil(members / 2)}::int end, case when i % 10 < 8 then true end,
               case when i % 10 < 8 then ${BASE} - (i || ' days')::interval + interval '15 days' end,
               case when i % 10 < 8 then 2 end, i % 10 < 4, ${BASE} - (i || ' days')::interval - interval '30 days'
        from generate_series(1, ${count}) i order by i returning id`,
  );
  const first = created[0].id;
  await run(
    db,
    sql`insert into recommendation_versions (recommendation_id, number, title, summary, body, author_id, created_at)
        select r.id, v, r.title, r.summary, case when v = 1 then 'Erster Entwurf. ' else '' end || r.body, r.created_by_id, r.created_at + (v || ' days')::interval
        from recommendations r, generate_series(1, 2) v where r.id >= ${first}`,
  );
  await run(
    db,
    sql`insert into recommendation_votes (recommendation_id, user_id, choice)
        select r.id, (${experts})[1 + k], case when k < ${yes} then 'ja' when k < ${yes + 4} then 'nein' else 'enthaltung' end
        from recommendations r, generate_series(0, ${members - 1}) k where r.id >= ${first} and r.status in ('published', 'voting')`,
  );
  await run(
    db,
    sql`insert into recommendation_topics (recommendation_id, topic_id)
        select r.id, (select min(id) from topics) + r.id % (select count(*) from topics) from recommendations r where r.id >= ${first}`,
  );
  await run(
    db,
    sql`insert into recommendation_papers (recommendation_id, paper_id, position)
        select r.id, (select min(id) from papers) + (r.id * 3 + k) % (select count(*) from papers), k
        from recommendations r, generate_series(0, 1) k where r.id >= ${first}`,
  );
  await run(
    db,
    sql`insert into recommendation_rounds (recommendation_id, round_id)
        select r.id, (select min(id) from rating_rounds) + r.id % (select count(*) from rating_rounds) from recommendations r where r.id >= ${first} and r.id % 4 = 0
        union select ${first}, (select min(id) from rating_rounds)`,
  );
  await run(
    db,
    sql`insert into topics (slug, title, body, field_id, author_id, visibility, status)
        select 'empfehlung-' || r.id || '-diskussion', left('Empfehlung „' || r.title || '“: Diskussion', 200), 'Diskussion des Beirats zum Entwurf.',
          (select min(id) from topic_fields), r.created_by_id, 'internal', case when r.status in ('draft', 'voting') then 'open' else 'closed' end
        from recommendations r where r.id >= ${first}`,
  );
  await run(
    db,
    sql`update recommendations r set discussion_topic_id = t.id from topics t where t.slug = 'empfehlung-' || r.id || '-diskussion' and r.id >= ${first}`,
  );
  await run(
    db,
    sql`insert into comments (topic_id, author_id, body, recommendation_version)
        select r.discussion_topic_id, (${experts})[1 + (r.id + k) % ${members}], 'Ich stimme der Fassung ' || 1 + k % 2 || ' zu.', 1 + k % 2
        from recommendations r, generate_series(0, 4) k where r.id >= ${first}`,
  );
  ctx.targets.recommendationId = first;
}
