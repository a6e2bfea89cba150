import { formatPoints } from "~/ratings/format";
import { t } from "~/i18n/de";
import type { RoundResults } from "~/ratings/results.server";
import { DataTable } from "~/ui/table";
import { ResultsChart } from "./results-chart";

type Results = Pick<RoundResults, "criteria" | "raterCount"> & { ranking: Array<RoundResults["ranking"][number]> };
const r = t.ratings.results;

export function RankingTable({ results, method }: { results: Results; method: "mean" | "median" }) {
  return (
    <DataTable caption={r.rankingCaption(t.ratings.method[method])} className="w-full" columns={[r.rank, r.proposal, r.mean, r.median, r.spread, r.raters]}>
      {results.ranking.map((p) => (
        <tr key={p.id}>
          <td>{p.rank ?? "–"}</td>
          <th scope="row" className="font-normal">
            {p.title} <span className="text-slate-700">({p.vendor})</span>
            {p.excluded ? <span className="block text-sm font-semibold text-red-800">{r.excludedBecause(p.excludedBy.join(", "))}</span> : null}
            {!p.excluded && p.rank === null ? <span className="block text-sm text-slate-700">{r.noScores}</span> : null}
          </th>
          <td className={method === "mean" ? "font-semibold" : undefined}>{formatPoints(p.mean)}</td>
          <td className={method === "median" ? "font-semibold" : undefined}>{formatPoints(p.median)}</td>
          <td>{p.min === null ? "–" : `${formatPoints(p.min)} – ${formatPoints(p.max)}`}</td>
          <td>{p.raters}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function CriterionTable({ proposal, criteria }: { proposal: Results["ranking"][number]; criteria: Results["criteria"] }) {
  return (
    <DataTable
      caption={r.perCriterionCaption(proposal.title)}
      className="w-full"
      columns={[r.criterion, r.weight, r.mean, r.median, r.spread, r.count, r.stddev]}
    >
      {criteria.map((criterion) => {
        const stat = proposal.criteria.find((c) => c.criterionId === criterion.id)!;
        return (
          <tr key={criterion.id}>
            <th scope="row" className="font-normal">
              {criterion.title}
            </th>
            <td>{criterion.weight} %</td>
            <td>{formatPoints(stat.mean)}</td>
            <td>{formatPoints(stat.median)}</td>
            <td>{stat.min === null ? "–" : `${stat.min} – ${stat.max}`}</td>
            <td>{stat.count}</td>
            <td>
              {formatPoints(stat.stddev)}
              {stat.highDisagreement ? <strong className="ml-2 rounded bg-amber-200 px-1 text-amber-950">{r.highDisagreement}</strong> : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function ReasonList({ proposal, criteria }: { proposal: Results["ranking"][number]; criteria: Results["criteria"] }) {
  const withReasons = criteria
    .map((criterion) => ({ criterion, reasons: proposal.criteria.find((c) => c.criterionId === criterion.id)?.reasons ?? [] }))
    .filter((entry) => entry.reasons.length > 0);
  if (withReasons.length === 0) return <p>{r.noReasons}</p>;
  return (
    <dl className="space-y-2">
      {withReasons.map(({ criterion, reasons }) => (
        <div key={criterion.id}>
          <dt className="font-semibold">{criterion.title}</dt>
          {reasons.map((reason, i) => (
            <dd key={i} className="ml-4 whitespace-pre-line">
              {r.person(reason.rater)} ({reason.score}): {reason.reason}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

export function RecusalList({ results }: { results: Results }) {
  const all = results.ranking.flatMap((p) => p.recusals.map((recusal) => ({ ...recusal, proposal: p.title })));
  if (all.length === 0) return <p>{r.noRecusals}</p>;
  return (
    <ul className="list-disc pl-6">
      {all.map((recusal, i) => (
        <li key={i}>
          {r.recusalLine(recusal.name ?? t.common.formerMember, recusal.proposal)}: {recusal.reason}
        </li>
      ))}
    </ul>
  );
}

/** The whole results document: used by the results page and the print view. */
/** A closed round's results below its title: the chart, then ranking, spread, reasons and recusals. */
export function ResultsBody({ results, method, chartClassName }: { results: Results; method: "mean" | "median"; chartClassName: string }) {
  const excluded = results.ranking.filter((p) => p.excluded);
  return (
    <>
      <figure className={chartClassName}>
        <ResultsChart proposals={results.ranking} criteria={results.criteria} method={method} />
      </figure>
      <p className="mb-2">{r.raterCount(results.raterCount)}</p>
      <p className="mb-4 text-sm text-slate-700">
        {r.incompleteNote} {r.disagreementNote}
      </p>
      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{r.ranking}</h2>
        <RankingTable results={results} method={method} />
      </section>
      {excluded.length ? (
        <section aria-labelledby="excluded-title">
          <h2 id="excluded-title">{r.excluded}</h2>
          <ul className="list-disc pl-6">
            {excluded.map((p) => (
              <li key={p.id}>
                {p.title}: {r.excludedBecause(p.excludedBy.join(", "))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="recusals-title">
        <h2 id="recusals-title">{r.recusals}</h2>
        <RecusalList results={results} />
      </section>
      <section aria-labelledby="criteria-results-title">
        <h2 id="criteria-results-title">{r.perCriterion}</h2>
        {results.ranking
          .filter((p) => !p.excluded)
          .map((p) => (
            <div key={p.id} className="mb-6 break-inside-avoid">
              <h3>{p.title}</h3>
              <CriterionTable proposal={p} criteria={results.criteria} />
              <h4 className="mt-3 font-semibold">{r.reasons}</h4>
              <ReasonList proposal={p} criteria={results.criteria} />
            </div>
          ))}
      </section>
    </>
  );
}
