import { sql } from "drizzle-orm";
import { BASE, rows, run, type GenerateContext } from "./context";

/**
 * 100 rating rounds with 1,000 proposals (5 + 15 + 98 × 10) and their scores. Round 1 (featured, closed): 10 raters ×
 * 5 proposals × 8 criteria. The others: 10 proposals × 5 criteria, scored by 10 raters each; the
 * last ones stay open. Rounds go draft → open → scored → closed, as the guards demand.
 */
export async function generateRatings(ctx: GenerateContext) {
  const { db, people } = ctx;
  const experts = sql`${sql.raw(`array[${people.experts.join(",")}]::int[]`)}`;
  const roundCount = ctx.count(100, 2);
  const rounds = await rows<{ id: number }>(
    db,
    sql`insert into rating_rounds (title, description, created_by_id, created_at)
        select case when i = 1 then 'Chatbot-Anbieter 2025' else 'Bewertungsrunde ' || i end,
               'Nutzwertanalyse der eingegangenen Angebote.', ${people.staff[0]}, ${BASE} - ((200 - i) || ' days')::interval
        from generate_series(1, ${roundCount}) i order by i returning id`,
  );
  const featured = rounds[0].id;
  const first = featured;
  await run(
    db,
    sql`insert into rating_proposals (round_id, title, vendor, summary, hosting_location, avv_available, position)
        select r.id, 'Angebot ' || p, 'Anbieter ' || (r.id * 10 + p), 'Sprachassistent mit **Wissensdatenbank** und Übergabe an Beschäftigte.',
               case when p % 2 = 0 then 'Frankfurt am Main' else 'Nürnberg' end, p % 3 <> 0, p
        from rating_rounds r, generate_series(1, 15) p
        where r.id >= ${first} and (r.id = ${featured} and p <= 5 or r.id = ${featured + 1} or r.id > ${featured + 1} and p <= 10)`,
  );
  await run(
    db,
    sql`insert into rating_criteria (round_id, title, weight, position)
        select r.id, 'Kriterium ' || c, case when r.id = ${featured} then (case when c <= 4 then 12 else 13 end) else 20 end, c
        from rating_rounds r, generate_series(1, 8) c
        where r.id >= ${first} and (r.id = ${featured} or c <= 5)`,
  );
  await run(
    db,
    sql`update rating_rounds set status = 'open', opened_at = now() - interval '1 day', closes_at = now() + interval '30 days' where id >= ${first}`,
  );
  await run(
    db,
    sql`insert into rating_scores (round_id, proposal_id, criterion_id, rater_id, score, reason)
        select p.round_id, p.id, c.id, (${experts})[1 + (p.round_id + k) % ${people.experts.length}],
               (p.id * 7 + c.id * 3 + k) % 11, 'Begründung der Bewertung'
        from rating_proposals p join rating_criteria c on c.round_id = p.round_id, generate_series(0, 9) k
        where p.round_id >= ${first}`,
  );
  const stillOpen = Math.min(3, roundCount - 1);
  await run(db, sql`update rating_rounds set status = 'closed', closed_at = now() where id >= ${first} and id <= ${rounds[roundCount - 1 - stillOpen].id}`);
  ctx.targets.roundId = featured;
}
