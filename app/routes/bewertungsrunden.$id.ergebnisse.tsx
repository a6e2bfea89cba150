import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { ResultLinks } from "~/ratings/ui/round-actions";
import { ResultsBody } from "~/ratings/ui/results-tables";
import { t } from "~/i18n/de";
import { loadClosedRound } from "~/ratings/access.server";
import { getRoundResults } from "~/ratings/results.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t.ratings.results.title(data?.round.title ?? "")} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await loadClosedRound(request, params);
  const results = await getRoundResults({ roundId: round.id, method: round.rankingMethod });
  return json({ round: { id: round.id, title: round.title, rankingMethod: round.rankingMethod }, results });
}

export default function ResultsPage() {
  const { round, results } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="results-title">
      <p className="no-print mb-2">
        <Link to={`/bewertungsrunden/${round.id}`}>{t.ratings.actions.back}</Link>
      </p>
      <h1 id="results-title">{t.ratings.results.title(round.title)}</h1>
      <div className="mb-4">
        <ResultLinks roundId={round.id} />
      </div>
      <ResultsBody results={results} method={round.rankingMethod} chartClassName="mb-6" />
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.ratings.errors.roundNotFound });
