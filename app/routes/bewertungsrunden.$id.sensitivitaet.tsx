import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { formatPoints, formatWeight } from "~/ratings/format";
import { t } from "~/i18n/de";
import { loadClosedRound } from "~/ratings/access.server";
import { getSensitivity } from "~/ratings/sensitivity.server";
import { getRoundSetup } from "~/ratings/setup.server";
import { DataTable } from "~/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t.ratings.sensitivity.title(data?.round.title ?? "")} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await loadClosedRound(request, params);
  const setup = await getRoundSetup({ roundId: round.id });
  const rows = await getSensitivity({
    roundId: round.id,
    method: round.rankingMethod,
    criteria: setup.criteria,
    proposals: setup.proposals.map((p) => ({ id: p.id, title: p.title, excluded: p.excludedBy.length > 0 })),
  });
  return json({ round: { id: round.id, title: round.title, rankingMethod: round.rankingMethod }, rows });
}

export default function SensitivityPage() {
  const { round, rows } = useLoaderData<typeof loader>();
  const s = t.ratings.sensitivity;
  const changed = rows.filter((row) => row.winnerChanged).length;
  const valueOf = (p: { mean: number | null; median: number | null }) => (round.rankingMethod === "median" ? p.median : p.mean);
  return (
    <article aria-labelledby="sensitivity-title">
      <p className="no-print mb-2">
        <Link to={`/bewertungsrunden/${round.id}/ergebnisse`}>{t.ratings.actions.results}</Link>
      </p>
      <h1 id="sensitivity-title">{s.title(round.title)}</h1>
      <p className="mb-2 max-w-3xl">{s.intro}</p>
      <p className="mb-4 font-semibold" role="status">
        {changed === 0 ? s.robust : s.fragile(changed)}
      </p>
      <DataTable
        caption={
          <>
            {s.caption} ({t.ratings.method[round.rankingMethod]})
          </>
        }
        className="w-full"
        columns={[
          s.scenario,
          s.winner,
          s.ranking,
          <>
            <span className="sr-only">{s.changed}</span>
          </>,
        ]}
      >
        {rows.map((row) => (
          <tr key={row.scenario.index} className={row.winnerChanged ? "bg-amber-50" : undefined}>
            <th scope="row" className="font-normal">
              {row.scenario.criterionId === null ? s.base : s.delta(row.scenario.criterionTitle, row.scenario.from, row.scenario.to)}
              {row.scenario.criterionId !== null ? (
                <span className="block text-xs text-slate-700">{row.scenario.weights.map((w) => formatWeight(w.weight)).join(" / ")} %</span>
              ) : null}
            </th>
            <td>
              {row.ranked
                .filter((p) => p.rank === 1)
                .map((p) => p.title)
                .join(", ") || "–"}
            </td>
            <td>
              <ol className="list-decimal pl-5">
                {row.ranked
                  .filter((p) => p.rank !== null)
                  .map((p) => (
                    <li key={p.id} value={p.rank ?? undefined}>
                      {p.title} ({formatPoints(valueOf(p))})
                    </li>
                  ))}
              </ol>
            </td>
            <td>{row.winnerChanged ? <strong className="text-amber-950">{s.changed}</strong> : s.stable}</td>
          </tr>
        ))}
      </DataTable>
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.ratings.errors.roundNotFound });
