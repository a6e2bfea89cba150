import { sql, type SQL } from "drizzle-orm";
import type { SearchBranchInput } from "~/search/search.server";
import { can } from "~/policy.server";

/** Rounds are board content; drafts only for those who manage rounds (as on /bewertungsrunden). */
function visibleRounds(reader: SearchBranchInput["reader"]): SQL {
  if (!can(reader, "read:round")) return sql`false`;
  return can(reader, "manage:round") ? sql`true` : sql`r.status <> 'draft'`;
}

export function searchRatingRounds({ reader, query }: SearchBranchInput): SQL {
  return sql`select 'ratingRound'::text as type, r.title as title, '/bewertungsrunden/' || r.id as url,
      regexp_replace(r.description, '[*_#>\`|~\\[\\]⟦⟧]+', ' ', 'g') as snippet,
      ts_rank(r.search, ${query}) as rank, r.created_at as date
    from rating_rounds r
    where r.search @@ ${query} and ${visibleRounds(reader)}`;
}

export function searchRatingProposals({ reader, query }: SearchBranchInput): SQL {
  return sql`select 'ratingProposal'::text as type, p.title || ' (' || p.vendor || ')' as title,
      '/bewertungsrunden/' || r.id || '/vorschlaege/' || p.id as url,
      regexp_replace(p.summary, '[*_#>\`|~\\[\\]⟦⟧]+', ' ', 'g') as snippet,
      ts_rank(p.search, ${query}) as rank, p.created_at as date
    from rating_proposals p join rating_rounds r on r.id = p.round_id
    where p.search @@ ${query} and ${visibleRounds(reader)}`;
}
