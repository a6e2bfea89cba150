import { sql } from "drizzle-orm";
import { BASE, rows, run, type GenerateContext } from "./context";

/**
 * 500 board meetings, eight agenda items each (linked to topics, rounds and papers in turn),
 * ten attendees; meetings in the past are held with minutes, the rest scheduled. The featured
 * meeting is the first held one.
 */
export async function generateMeetings(ctx: GenerateContext) {
  const { db, people } = ctx;
  const meetingCount = ctx.count(500, 5);
  const created = await rows<{ id: number }>(
    db,
    sql`insert into meetings (name, start, "end", location_room, location_address, state, created_by_id)
        select i || '. Sitzung des Digitalbeirats', ${BASE} + ((i - ${meetingCount} + 3) * 7 || ' days')::interval + interval '16 hours',
               ${BASE} + ((i - ${meetingCount} + 3) * 7 || ' days')::interval + interval '18 hours',
               'Sitzungssaal ' || (1 + i % 3), 'Willi-Hörter-Platz 1, 56068 Koblenz',
               case when i % 2 = 0 then 'eingeladen' else 'terminiert' end, ${people.staff[0]}
        from generate_series(1, ${meetingCount}) i order by i returning id`,
  );
  const first = created[0].id;
  await run(
    db,
    sql`insert into agenda_items (meeting_id, number, position, name, description, is_public, topic_id, rating_round_id, paper_id)
        select m.id, n::text, n, case n when 1 then 'Eröffnung und Feststellung der Tagesordnung' else 'Beratung: Punkt ' || n end,
               'Vorbereitung durch die Verwaltung.', n % 4 <> 0,
               case when n % 3 = 1 then (select min(id) from topics) + (m.id * 8 + n) % (select count(*) from topics) end,
               case when n % 3 = 2 then (select min(id) from rating_rounds) + (m.id + n) % (select count(*) from rating_rounds) end,
               case when n % 3 = 0 then (select min(id) from papers) + (m.id * 8 + n) % (select count(*) from papers) end
        from meetings m, generate_series(1, 8) n where m.id >= ${first}`,
  );
  const experts = sql`${sql.raw(`array[${people.experts.join(",")}]::int[]`)}`;
  await run(
    db,
    sql`insert into meeting_attendees (meeting_id, user_id)
        select m.id, (${experts})[1 + (m.id + k) % ${people.experts.length}] from meetings m, generate_series(0, 9) k where m.id >= ${first}`,
  );
  await run(db, sql`update meetings set state = 'durchgefuehrt' where id >= ${first} and "end" < now()`);
  await run(
    db,
    sql`update agenda_items a set minutes = 'Der Beirat hat beraten und empfiehlt eine Teststellung.', result = 'zur Kenntnis genommen'
        from meetings m where m.id = a.meeting_id and m.state = 'durchgefuehrt'`,
  );
  await run(db, sql`update meetings set minutes_released_at = "end" + interval '7 days' where state = 'durchgefuehrt' and "end" < now() - interval '7 days'`);
  const [featured] = await rows<{ id: number }>(db, sql`select id from meetings where state = 'durchgefuehrt' order by start desc limit 1`);
  ctx.targets.meetingId = featured?.id ?? first;
}
