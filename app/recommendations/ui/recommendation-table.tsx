import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { StatusBadge } from "./status-badge";
import { DataTable } from "~/ui/table";

/** A recommendation as lists show it. */
export type RecommendationListItem = {
  id: number;
  reference: string | null;
  title: string;
  summary: string;
  status: string;
  isPublic: boolean;
  publishedAt: string | null;
};
type Item = RecommendationListItem & { updatedAt: string };

const c = t.recommendations.table;

export function RecommendationTable({ items }: { items: Item[] }) {
  return (
    <DataTable caption={c.caption} captionClassName="sr-only" className="w-full" columns={[c.reference, c.title, c.status, c.date]}>
      {items.map((item) => (
        <tr key={item.id}>
          <td className="whitespace-nowrap">{item.reference ?? "–"}</td>
          <td>
            <a href={`/empfehlungen/${item.id}`}>{item.title}</a>
            {item.summary ? <p className="text-sm text-slate-700">{item.summary}</p> : null}
          </td>
          <td>
            <StatusBadge status={item.status} isPublic={item.isPublic} />
          </td>
          <td className="whitespace-nowrap">{formatDate(item.publishedAt ?? item.updatedAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
