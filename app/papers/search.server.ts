import { sql, type SQL } from "drizzle-orm";
import { SEARCH_RESULT_CAP, type SearchBranchInput } from "~/search/search.server";
import { can } from "~/policy.server";

const plain = (column: SQL) => sql`regexp_replace(${column}, '[*_#>\`|~\\[\\]⟦⟧]+', ' ', 'g')`;

/** Search branch for /suche: papers; visitors find public ones only. The newest capped matches are ranked. */
export function searchPapers({ reader, query }: SearchBranchInput): SQL {
  const visible = can(reader, "read:paper:internal") ? sql`true` : sql`p.is_public`;
  return sql`select 'paper'::text as type, p.reference || ': ' || p.name as title,
      '/vorlagen/' || replace(p.reference, '/', '-') as url,
      ${plain(sql`p.body || ' ' || coalesce(p.resolution_recommendation, '')`)} as snippet,
      ts_rank(p.search_vector, ${query}) as rank, p.date::timestamptz as date
    from papers p
    where p.id in (
      select p.id from papers p where p.search_vector @@ ${query} and ${visible}
      order by p.date desc nulls last, p.id desc nulls last limit ${SEARCH_RESULT_CAP + 1}
    )`;
}

/** Search branch for /suche: agenda items; non-public ones only for the board. */
export function searchAgendaItems({ reader, query }: SearchBranchInput): SQL {
  const visible = can(reader, "read:meeting:internal") ? sql`true` : sql`a.is_public`;
  return sql`select 'agendaItem'::text as type, 'TOP ' || a.number || ': ' || a.name || ' – ' || m.name as title,
      '/sitzungen/' || m.id as url,
      ${plain(sql`a.name || ' ' || a.description`)} as snippet,
      ts_rank(a.search_vector, ${query}) as rank, m.start as date
    from agenda_items a join meetings m on m.id = a.meeting_id
    where a.id in (
      select a.id from agenda_items a join meetings m on m.id = a.meeting_id
      where a.search_vector @@ ${query} and ${visible}
      order by m.start desc nulls last, a.id desc limit ${SEARCH_RESULT_CAP + 1}
    )`;
}
