import { Link } from "@remix-run/react";
import { paperPath } from "~/papers/paper-path";
import { t } from "~/i18n/de";

export type AgendaListItem = {
  id: number;
  number: string;
  visible: boolean;
  isPublic: boolean;
  name: string | null;
  descriptionHtml: string | null;
  minutesHtml: string | null;
  result: string | null;
  topicSlug: string | null;
  topicTitle: string | null;
  ratingRoundId: number | null;
  ratingRoundTitle: string | null;
  paperReference: string | null;
  paperName: string | null;
};

function Links({ item }: { item: AgendaListItem }) {
  const links = [
    item.topicSlug ? (
      <li key="t">
        {t.meetings.agenda.topic}: <Link to={`/themen/${item.topicSlug}`}>{item.topicTitle}</Link>
      </li>
    ) : null,
    item.ratingRoundId ? (
      <li key="r">
        {t.meetings.agenda.round}: <Link to={`/bewertungsrunden/${item.ratingRoundId}`}>{item.ratingRoundTitle}</Link>
      </li>
    ) : null,
    item.paperReference ? (
      <li key="p">
        {t.meetings.agenda.paper}: <Link to={paperPath(item.paperReference)}>{item.paperReference}</Link> – {item.paperName}
      </li>
    ) : null,
  ].filter(Boolean);
  return links.length > 0 ? <ul className="text-sm">{links}</ul> : null;
}

/** The agenda in order; items the reader may not see show only their number. */
export function AgendaList({ items }: { items: AgendaListItem[] }) {
  if (items.length === 0) return <p>{t.meetings.agenda.empty}</p>;
  return (
    <ol className="space-y-4" aria-label={t.meetings.agenda.caption}>
      {items.map((item) => (
        <li key={item.id} className="list-none rounded border border-slate-300 p-3">
          <h3 className="mt-0">
            {t.meetings.agenda.top} {item.number}: {item.visible ? item.name : <em>{t.meetings.agenda.nonPublicPart}</em>}
            {item.visible && !item.isPublic ? <span className="ml-2 text-sm font-normal text-slate-700">({t.meetings.agenda.nonPublic})</span> : null}
          </h3>
          {item.descriptionHtml ? <div className="prose-md" dangerouslySetInnerHTML={{ __html: item.descriptionHtml }} /> : null}
          {item.visible ? <Links item={item} /> : null}
          {item.minutesHtml || item.result ? (
            <div className="mt-2 border-l-4 border-brand-700 pl-3">
              {item.result ? (
                <p>
                  <strong>{t.meetings.agenda.result}:</strong> {item.result}
                </p>
              ) : null}
              {item.minutesHtml ? (
                <>
                  <p className="font-medium">{t.meetings.agenda.minutes}</p>
                  <div className="prose-md" dangerouslySetInnerHTML={{ __html: item.minutesHtml }} />
                </>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
