import { sql, type SQL } from "drizzle-orm";
import type { SearchBranchInput } from "~/search/search.server";
import { can } from "~/policy.server";

/**
 * Search branch for /suche: published recommendations only (drafts are never searchable),
 * council and board see all published ones, visitors the public ones.
 */
export function searchRecommendations({ reader, query }: SearchBranchInput): SQL {
  const visible = can(reader, "read:recommendation:published") ? sql`true` : sql`r.is_public`;
  return sql`select 'recommendation'::text as type, coalesce(r.reference || ': ', '') || r.title as title,
      '/empfehlungen/' || r.id as url,
      regexp_replace(r.summary || ' ' || r.body, '[*_#>\`|~\\[\\]⟦⟧]+', ' ', 'g') as snippet,
      ts_rank(r.search_vector, ${query}) as rank, r.published_at as date
    from recommendations r
    where r.search_vector @@ ${query} and r.status = 'published' and ${visible}`;
}
