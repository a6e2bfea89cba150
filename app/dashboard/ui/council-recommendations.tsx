import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";

type Data = {
  fresh: Array<{ id: number; reference: string | null; title: string; publishedAt: string | null }>;
  awaiting: Array<{
    paperReference: string;
    paperName: string;
    paperPath: string;
    recommendationId: number;
    recommendationReference: string | null;
    recommendationTitle: string;
  }>;
};

const d = t.recommendations.dashboard;

/** Council members: new recommendations since the last visit and papers still awaiting the council. */
export function CouncilRecommendationsSection({ data }: { data: Data }) {
  return (
    <section aria-labelledby="dashboard-recs-title" className="mt-6">
      <h2 id="dashboard-recs-title">{d.heading}</h2>
      <h3>{d.newSince}</h3>
      {data.fresh.length === 0 ? (
        <p>{d.noneNew}</p>
      ) : (
        <ul className="list-disc pl-6">
          {data.fresh.map((rec) => (
            <li key={rec.id}>
              <a href={`/empfehlungen/${rec.id}`}>
                {rec.reference}: {rec.title}
              </a>
              {rec.publishedAt ? <span className="text-slate-700"> ({formatDate(rec.publishedAt)})</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{d.awaiting}</h3>
      {data.awaiting.length === 0 ? (
        <p>{d.noneAwaiting}</p>
      ) : (
        <ul className="list-disc pl-6">
          {data.awaiting.map((row) => (
            <li key={`${row.paperReference}-${row.recommendationId}`}>
              <a href={row.paperPath}>{row.paperReference}</a> {row.paperName} – {t.recommendations.detail.boardRecommends}:{" "}
              <a href={`/empfehlungen/${row.recommendationId}`}>{row.recommendationReference ?? row.recommendationTitle}</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/empfehlungen">{d.all}</a>
      </p>
    </section>
  );
}
