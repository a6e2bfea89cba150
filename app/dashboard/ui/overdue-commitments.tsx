import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { ListSection } from "~/ui/list-section";

type Item = { id: number; title: string; office: string; dueDate: string | null };

const d = t.commitments.dashboard;

const renderOverdue = (item: Item) => (
  <li key={item.id}>
    <a href={`/zusagen/${item.id}`}>{item.title}</a> ({item.office}){" "}
    {item.dueDate ? (
      <span>
        – {d.dueOn} <time dateTime={item.dueDate}>{formatDate(`${item.dueDate}T12:00:00Z`)}</time>
      </span>
    ) : null}
  </li>
);

/** Board members: the administration's commitments whose date has passed while still open. */
export function OverdueCommitmentsSection({ items }: { items: Item[] }) {
  return (
    <ListSection
      id="dashboard-overdue-title"
      title={d.heading}
      items={items}
      empty={d.none}
      classes={{ section: "mt-6", list: "list-disc pl-6" }}
      renderItem={renderOverdue}
    >
      <p>
        <a href="/zusagen?zeige=ueberfaellig">{d.all}</a>
      </p>
    </ListSection>
  );
}
