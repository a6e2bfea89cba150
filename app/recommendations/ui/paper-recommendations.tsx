import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { StatusBadge } from "./status-badge";
import type { RecommendationListItem } from "./recommendation-table";
import { ListSection } from "~/ui/list-section";

type Item = RecommendationListItem & { result: string | null };

const o = t.recommendations.onPaper;

const renderRecommendation = (item: Item) => (
  <li key={item.id} className="rounded border border-slate-300 p-3">
    <p className="font-semibold">
      <a href={`/empfehlungen/${item.id}`}>
        {item.reference ? `${item.reference}: ` : null}
        {item.title}
      </a>
    </p>
    <StatusBadge status={item.status} isPublic={item.isPublic} />
    {item.result ? (
      <p className="text-sm">
        {t.recommendations.vote.record}: {t.recommendations.vote.result[item.result]}
        {item.publishedAt ? ` · ${t.recommendations.detail.publishedOn} ${formatDate(item.publishedAt)}` : null}
      </p>
    ) : null}
    {item.summary ? <p>{item.summary}</p> : null}
  </li>
);

/** On a paper's page: what the board recommended on it (filtered for the reader by the model). */
export function PaperRecommendations({ items }: { items: Item[] }) {
  return (
    <ListSection
      id="paper-recs-title"
      title={o.heading}
      items={items}
      empty={o.empty}
      classes={{ section: "mt-6", list: "space-y-3" }}
      renderItem={renderRecommendation}
    />
  );
}
