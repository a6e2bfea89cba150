import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { CriteriaTable } from "~/ratings/ui/criteria-table";
import { ResultsBody } from "~/ratings/ui/results-tables";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { loadClosedRound } from "~/ratings/access.server";
import { getRoundResults } from "~/ratings/results.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t.ratings.results.title(data?.round.title ?? "")} – ${t.ratings.actions.print}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await loadClosedRound(request, params);
  const results = await getRoundResults({ roundId: round.id, method: round.rankingMethod });
  return json({ round, results });
}

/** A plain document for the minutes: criteria and weights, ranking, spread, reasons, recusals. */
export default function PrintPage() {
  const { round, results } = useLoaderData<typeof loader>();
  const d = t.ratings.detail;
  return (
    <article aria-labelledby="print-title" className="max-w-4xl">
      <p className="no-print mb-4 rounded bg-slate-100 p-2 text-sm">{t.ratings.results.printNote}</p>
      <h1 id="print-title">{t.ratings.results.title(round.title)}</h1>
      <p>
        {d.rankingMethod}: {t.ratings.method[round.rankingMethod]}
        {round.openedAt ? ` · ${d.openedAt} ${formatDateTime(round.openedAt)}` : ""}
        {round.closedAt ? ` · ${d.closedAt} ${formatDateTime(round.closedAt)}` : ""}
      </p>
      <section aria-labelledby="print-criteria">
        <h2 id="print-criteria">{t.ratings.criterion.heading}</h2>
        <CriteriaTable criteria={results.criteria} />
      </section>
      <ResultsBody results={results} method={round.rankingMethod} chartClassName="my-6 break-inside-avoid" />
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.ratings.errors.roundNotFound });
