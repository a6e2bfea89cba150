import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";

type Item = { id: number; title: string; office: string; dueDate: string | null };

const d = t.commitments.dashboard;

/** Board members: the administration's commitments whose date has passed while still open. */
export function OverdueCommitmentsSection({ items }: { items: Item[] }) {
  return (
    <section aria-labelledby="dashboard-overdue-title" className="mt-6">
      <h2 id="dashboard-overdue-title">{d.heading}</h2>
      {items.length === 0 ? (
        <p>{d.none}</p>
      ) : (
        <ul className="list-disc pl-6">
          {items.map((item) => (
            <li key={item.id}>
              <a href={`/zusagen/${item.id}`}>{item.title}</a> ({item.office}){" "}
              {item.dueDate ? (
                <span>
                  – {d.dueOn} <time dateTime={item.dueDate}>{formatDate(`${item.dueDate}T12:00:00Z`)}</time>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/zusagen?zeige=ueberfaellig">{d.all}</a>
      </p>
    </section>
  );
}
