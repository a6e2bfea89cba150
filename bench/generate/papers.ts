import { sql } from "drizzle-orm";
import { BASE, rows, run, textArray, type GenerateContext } from "./context";
import { SENTENCES } from "./text";

const ORGANIZATIONS = [
  ["Stadtrat", "stadtrat", "Rat"],
  ["Haupt- und Finanzausschuss", "hufa", "Ausschuss"],
  ["Ausschuss für Digitalisierung", "digital", "Ausschuss"],
  ["Ausschuss für Bildung", "bildung", "Ausschuss"],
  ["Ortsbeirat Ehrenbreitstein", "ob-ehrenbreitstein", "Ortsbeirat"],
  ["Werkausschuss", "werk", "Ausschuss"],
];

/**
 * 5,000 council papers (Antrag, Stellungnahme, …) with a Gremienweg of one to three
 * consultations each; every fifth paper answers the one before. AT/0001/2025 is featured (public,
 * so that visitors see it too).
 */
export async function generatePapers(ctx: GenerateContext) {
  const { db, people } = ctx;
  const orgs = await rows<{ id: number }>(
    db,
    sql`insert into organizations (name, short_name, classification)
        select o[1], o[2], o[3] from (values ${sql.join(
          ORGANIZATIONS.map(([a, b, c]) => sql`(array[${a}, ${b}, ${c}])`),
          sql`, `,
        )}) v(o) returning id`,
  );
  const paperCount = ctx.count(5_000, 5);
  await run(
    db,
    sql`insert into papers (reference, paper_type, name, date, originator, under_direction_of, file_number, body, resolution_recommendation, is_public, created_by_id)
        select (array['AT','ST','BV','MT','AF'])[1 + i % 5] || '/' || lpad((1 + i / 5)::text, 4, '0') || '/' || (2025 - (i / 5) % 8),
               (array['Antrag','Stellungnahme','Beschlussvorlage','Mitteilung','Anfrage'])[1 + i % 5],
               'Digitalisierung der Verwaltung: Vorlage ' || i,
               (${BASE} - ((i % 2900) || ' days')::interval)::date,
               case when i % 5 = 0 then 'Fraktion ' || (1 + i % 4) else 'Dezernat ' || (1 + i % 4) end,
               'Dezernat ' || (1 + i % 4), 'Az. ' || (10 + i % 30),
               (${textArray(SENTENCES)})[1 + i % ${SENTENCES.length}] || ' ' || (${textArray(SENTENCES)})[1 + (i * 3) % ${SENTENCES.length}],
               case when i % 5 = 2 then 'Der Rat nimmt die Stellungnahme zur Kenntnis.' end, i % 7 <> 0 or i = 0, ${people.staff[0]}
        from generate_series(0, ${paperCount - 1}) i`,
  );
  const [{ min }] = await rows<{ min: number }>(db, sql`select min(id)::int as min from papers`);
  await run(db, sql`insert into paper_relations (paper_id, related_paper_id) select id, id - 1 from papers where id > ${min} and (id - ${min}) % 5 = 1`);
  const orgIds = sql`${sql.raw(`array[${orgs.map((o) => o.id).join(",")}]::int[]`)}`;
  await run(
    db,
    sql`insert into consultations (paper_id, organization_id, position, date, agenda_item_number, role, result, count_yes, count_no, count_abstention)
        select p.id, (${orgIds})[1 + (p.id + s) % ${orgs.length}], s, p.date + s * 14, (s + p.id % 9)::text,
               case when s = 3 or (p.id % 3 = 0 and s = 2) then 'entscheidung' else 'vorberatung' end,
               case (p.id + s) % 4 when 0 then 'einstimmig' when 1 then 'mehrheitlich' when 2 then 'kenntnis' else null end,
               case when (p.id + s) % 4 = 0 then 40 when (p.id + s) % 4 = 1 then 30 end,
               case when (p.id + s) % 4 = 0 then 0 when (p.id + s) % 4 = 1 then 12 end,
               case when (p.id + s) % 4 in (0, 1) then 2 end
        from papers p, generate_series(1, 3) s
        where s <= 1 + p.id % 3 or p.id = ${min}`,
  );
  ctx.targets.paperSlug = "AT-0001-2025";
}
