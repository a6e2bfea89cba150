import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/ui/pagination";
import { t } from "~/i18n/de";
import { formatDate, isoString } from "~/lib/dates";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import { env } from "~/env.server";
import { SEARCH_MAX_TERMS, searchTerms } from "~/search/query-terms";
import {
  search,
  SearchTimeoutError,
  withSearchTimeout,
  SEARCH_MAX_PAGES,
  SEARCH_PAGE_SIZE,
  SEARCH_QUERY_MAX,
  SEARCH_RESULT_CAP,
  snippetSegments,
} from "~/search/search.server";
import { getUser } from "~/policy.server";
import { FieldError, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

const s = t.topics.search;
export const meta: MetaFunction = () => [{ title: `${s.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const url = new URL(request.url);
  const query = url.searchParams.get("q") ?? "";
  const page = pageFromUrl(url);
  const empty = { hits: [], total: 0, capped: false, page: 1, totalPages: 1, terms: [] as string[], notice: null as string | null };
  if (query.length > SEARCH_QUERY_MAX) return json({ query, error: s.tooLong, ...empty }, { status: 400 });
  // Bounded before any SQL (docs/decisions/073): at most 8 terms, none shorter than 2 characters.
  const bounded = searchTerms(query);
  const notice = bounded.truncated ? s.tooManyTerms(SEARCH_MAX_TERMS) : bounded.dropped > 0 ? s.termsDropped : null;
  let result: Awaited<ReturnType<typeof search>>;
  try {
    result = await withSearchTimeout(env().SEARCH_TIMEOUT_MS, (executor) => search({ reader: user, text: bounded.text, page, executor }));
  } catch (error) {
    if (!(error instanceof SearchTimeoutError)) throw error;
    console.warn(`Suche nach ${bounded.terms.length} Begriffen nach ${env().SEARCH_TIMEOUT_MS} ms abgebrochen`);
    return json({ query, error: s.timeout, ...empty, terms: bounded.terms, notice }, { status: 503 });
  }
  const { hits, total, capped } = result;
  const totalPages = Math.min(pageCount(total, SEARCH_PAGE_SIZE), SEARCH_MAX_PAGES);
  if (bounded.text && page > totalPages)
    return json({ query, error: s.pastEnd, hits: [], total, capped, page, totalPages, terms: bounded.terms, notice }, { status: 404 });
  return json({
    query,
    error: null as string | null,
    hits: hits.map((hit) => ({ ...hit, segments: snippetSegments(hit.snippet) })),
    total,
    capped,
    page,
    totalPages,
    terms: bounded.terms,
    notice,
  });
}

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <TitledSection id="search-title" title={s.title} className="max-w-4xl">
      <Form method="get" role="search" className="no-print mb-6 flex flex-wrap items-end gap-2">
        <div className="flex min-w-72 flex-1 flex-col">
          <label htmlFor="q">{s.label}</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={data.query}
            maxLength={SEARCH_QUERY_MAX}
            aria-describedby={data.error ? "q-hint q-error" : "q-hint"}
            aria-invalid={data.error ? true : undefined}
          />
          <p id="q-hint" className="text-sm text-slate-700">
            {s.hint}
          </p>
          <FieldError id="q-error" message={data.error} />
        </div>
        <SubmitButton>{s.submit}</SubmitButton>
      </Form>
      {data.notice ? (
        <p className="mb-4 text-sm text-slate-700" role="status">
          {data.notice}
        </p>
      ) : null}
      {data.query.trim() && !data.error ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{data.capped ? s.resultsCapped(SEARCH_RESULT_CAP) : s.results(data.total)}</h2>
          {data.capped ? <p className="text-sm text-slate-700">{s.cappedHint(data.totalPages)}</p> : null}
          {data.hits.length === 0 ? <p>{s.none}</p> : null}
          <ol className="space-y-4" aria-label={s.resultsLabel}>
            {data.hits.map((hit) => (
              <li key={`${hit.type}-${hit.url}`}>
                <p className="text-sm text-slate-700">
                  {s.types[hit.type] ?? hit.type} · <time dateTime={isoString(hit.date)}>{formatDate(hit.date)}</time>
                </p>
                <h3 className="mt-0">
                  <a href={hit.url}>{hit.title}</a>
                </h3>
                <p>
                  {hit.segments.map((segment, index) =>
                    segment.highlight ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
                  )}
                </p>
              </li>
            ))}
          </ol>
          <Pagination page={data.page} totalPages={data.totalPages} search={`q=${encodeURIComponent(data.query)}`} />
        </section>
      ) : null}
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
