/**
 * Full-text search over every content type, as one `union all` of branches.
 *
 * Adding a content type (papers, agenda items, proposals, recommendations):
 * 1. Give the table a stored generated column `search tsvector generated always as
 *    (to_tsvector('german', …))` and a GIN index on it (see `db/schema/topics.ts`).
 * 2. Write one function `search<Things>({ reader, query }: SearchBranchInput): SQL` (in your own
 *    model file or here) returning exactly these columns, in this order:
 *      type text     – a key of `t.topics.search.types` (add your German label there)
 *      title text    – the heading shown for the hit
 *      url text      – where the hit links to
 *      snippet text  – the plain text the highlighted snippet is cut from (ts_headline runs
 *                      later, only on the rows of the requested page)
 *      rank real     – `ts_rank(search, ${query})`
 *      date timestamptz
 *    and filter the rows in its `where` by what `reader` may see (role and ownership; `null` is
 *    a visitor), always with `search @@ ${query}`.
 *    search() keeps the newest SEARCH_RESULT_CAP + 1 rows of each branch. For a table with many
 *    rows, pick them inside the branch, before ts_rank and the snippet (see searchComments, with
 *    a btree index on the date column).
 * 3. Add the function to SEARCH_BRANCHES below.
 * Only plain SQL that PGlite and PostgreSQL both run; no dangerouslySetInnerHTML for snippets:
 * the page splits them on HIGHLIGHT_START/HIGHLIGHT_END and lets React escape the rest.
 */
import { sql, type SQL } from "drizzle-orm";
import { db, getDatabaseHandle, queryRows, type Executor } from "#db/client.server";
import { isBoardMember, type Reader } from "~/policy.server";
import { searchRecommendations } from "~/recommendations/search.server";
import { searchAgendaItems, searchPapers } from "~/papers/search.server";
import { searchRatingProposals, searchRatingRounds } from "~/ratings/search.server";
import { searchDocuments } from "~/documents/search.server";

export type SearchReader = Reader;
export type SearchBranchInput = { reader: SearchReader; query: SQL };
export type SearchBranch = (input: SearchBranchInput) => SQL;

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_QUERY_MAX = 200;
export const HIGHLIGHT_START = "\u27e6";
export const HIGHLIGHT_END = "\u27e7";

/** Strips Markdown punctuation so snippets read as text. */
export function snippetSource(column: SQL | unknown): SQL {
  return sql`regexp_replace(${column}, '[*_#>\`|~\\[\\]⟦⟧]+', ' ', 'g')`;
}

export function searchTopics({ reader, query }: SearchBranchInput): SQL {
  const visible = isBoardMember(reader) ? sql`true` : sql`t.visibility = 'public'`;
  return sql`select 'topic'::text as type, t.title as title, '/themen/' || t.slug as url,
      ${snippetSource(sql`t.body`)} as snippet, ts_rank(t.search, ${query}) as rank, t.last_activity_at as date
    from topics t
    where t.search @@ ${query} and ${visible}`;
}

/** The newest visible matches are picked first, so rank and snippet run on at most the cap's rows. */
export function searchComments({ reader, query }: SearchBranchInput): SQL {
  const visible = isBoardMember(reader) ? sql`true` : sql`t.visibility = 'public'`;
  return sql`select 'comment'::text as type, t.title as title, '/themen/' || t.slug || '/beitrag/' || c.id as url,
      ${snippetSource(sql`c.body`)} as snippet, ts_rank(c.search, ${query}) as rank, c.created_at as date
    from (
      select c.id, c.topic_id, c.body, c.search, c.created_at
      from comments c join topics t on t.id = c.topic_id
      where c.search @@ ${query} and c.deleted_at is null and c.hidden_at is null and ${visible}
      order by c.created_at desc nulls last, c.id desc nulls last
      limit ${SEARCH_RESULT_CAP + 1}
    ) c join topics t on t.id = c.topic_id`;
}

export const SEARCH_BRANCHES: SearchBranch[] = [
  searchTopics,
  searchComments,
  searchRecommendations,
  searchPapers,
  searchAgendaItems,
  searchRatingRounds,
  searchRatingProposals,
  searchDocuments,
];

export type SearchHit = { type: string; title: string; url: string; snippet: string; rank: number; date: string };
export type SearchSegment = { text: string; highlight: boolean };

/**
 * Common words match a large share of all rows; ranking and counting every match made such a
 * search slow (issue 7). So each branch hands on at most SEARCH_RESULT_CAP + 1 candidates, the
 * most recent of the rows the reader may see (visibility stays inside the branch, before the
 * cap), only those are ranked, the total is reported as "more than SEARCH_RESULT_CAP", and pages
 * stop at SEARCH_MAX_PAGES.
 */
export const SEARCH_RESULT_CAP = 1000;
export const SEARCH_MAX_PAGES = Math.ceil(SEARCH_RESULT_CAP / SEARCH_PAGE_SIZE);

export type SearchResult = { hits: SearchHit[]; total: number; capped: boolean };

function cappedBranch(branch: SQL): SQL {
  return sql`(select * from (${branch}) b order by b.date desc nulls last, b.url limit ${SEARCH_RESULT_CAP + 1})`;
}

/**
 * One page of hits, best first. `query` uses websearch syntax ("Chatbot -Aleph", "\"KI Plattform\"",
 * "OZG or Onlinezugang"); German stemming makes "Chatbots" find "Chatbot". `total` is at most
 * SEARCH_RESULT_CAP; `capped` says there are more.
 */
export async function search({
  reader,
  text,
  page,
  executor = db,
}: {
  reader: SearchReader;
  text: string;
  page: number;
  executor?: Executor;
}): Promise<SearchResult> {
  const trimmed = text
    .replace(/\u0000/g, "")
    .trim()
    .slice(0, SEARCH_QUERY_MAX);
  if (!trimmed) return { hits: [], total: 0, capped: false };
  const query = sql`websearch_to_tsquery('german', ${trimmed})`;
  const candidates = sql.join(
    SEARCH_BRANCHES.map((branch) => cappedBranch(branch({ reader, query }))),
    sql` union all `,
  );
  if (page > SEARCH_MAX_PAGES) return { hits: [], ...(await countHits(executor, candidates)) };
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const rows = await queryRows<SearchHit & { total: number }>(
    executor,
    sql`select p.type, p.title, p.url, p.rank, p.date, p.total,
        ts_headline('german', p.snippet, ${query},
          ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet
      from (
        select r.*, count(*) over ()::int as total
        from (${candidates}) r
        order by r.rank desc, r.date desc nulls last, r.url
        limit ${SEARCH_PAGE_SIZE} offset ${offset}
      ) p
      order by p.rank desc, p.date desc nulls last, p.url`,
  );
  const counted = rows[0] ? capTotal(rows[0].total) : offset > 0 ? await countHits(executor, candidates) : capTotal(0);
  return {
    hits: rows.map(({ total: _total, ...hit }) => ({ ...hit, rank: Number(hit.rank), date: new Date(hit.date).toISOString() })),
    ...counted,
  };
}

function capTotal(total: number) {
  return { total: Math.min(total, SEARCH_RESULT_CAP), capped: total > SEARCH_RESULT_CAP };
}

/** Past the last page the window count is missing; count once so the page can say so. */
async function countHits(executor: Executor, candidates: SQL) {
  const [row] = await queryRows<{ total: number }>(executor, sql`select count(*)::int as total from (${candidates}) r`);
  return capTotal(row?.total ?? 0);
}

export class SearchTimeoutError extends Error {}

/**
 * Runs a search inside a transaction with a statement timeout (PostgreSQL: SQLSTATE 57014 ends
 * it). PGlite ignores statement_timeout; there the term bound of query-terms.ts is the guard.
 */
export async function withSearchTimeout<T>(ms: number, run: (executor: Executor) => Promise<T>): Promise<T> {
  if (getDatabaseHandle().kind !== "postgres") return run(db);
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', ${String(ms)}, true)`);
      return run(tx);
    });
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === "57014") throw new SearchTimeoutError("Suche abgebrochen (statement_timeout)");
    throw error;
  }
}

/** Splits a ts_headline snippet into plain text and highlighted parts, for React to escape. */
export function snippetSegments(snippet: string): SearchSegment[] {
  const segments: SearchSegment[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start === -1) break;
    const end = rest.indexOf(HIGHLIGHT_END, start + 1);
    if (end === -1) break;
    if (start > 0) segments.push({ text: rest.slice(0, start), highlight: false });
    segments.push({ text: rest.slice(start + 1, end), highlight: true });
    rest = rest.slice(end + 1);
  }
  if (rest.length > 0) segments.push({ text: rest, highlight: false });
  return segments;
}
