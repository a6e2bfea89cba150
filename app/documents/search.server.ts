import { sql, type SQL } from "drizzle-orm";
import { SEARCH_RESULT_CAP, type SearchBranchInput } from "~/search/search.server";
import { documentVisibleTo, OWNER_JOINS, OWNER_TITLE, OWNER_URL } from "./owners.server";

/**
 * Search branch for /suche: the extracted text of each document's current version, with the
 * visibility of the object it belongs to. The hit names its object and says „in Anlage …“.
 */
export function searchDocuments({ reader, query }: SearchBranchInput): SQL {
  return sql`select 'document'::text as type,
      ${OWNER_TITLE} || ' – in Anlage „' || d.label || '“' as title,
      ${OWNER_URL} as url,
      left(v.text, 20000) as snippet,
      ts_rank(v.search_vector, ${query}) as rank, v.created_at as date
    from documents d
    join document_versions v on v.document_id = d.id and v.version = d.current_version
    ${OWNER_JOINS}
    where v.id in (
      select v.id from documents d
      join document_versions v on v.document_id = d.id and v.version = d.current_version
      ${OWNER_JOINS}
      where v.search_vector @@ ${query} and ${documentVisibleTo(reader)}
      order by v.created_at desc, v.id desc limit ${SEARCH_RESULT_CAP + 1}
    )`;
}
