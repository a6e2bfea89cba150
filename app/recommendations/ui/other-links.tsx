import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";

type Links = {
  topics: Array<{ slug: string; title: string }>;
  rounds: Array<{ id: number; title: string }>;
  meeting: { id: number; name: string; start: string } | null;
};

const f = t.recommendations.form;

/** Topics, rating rounds and the deciding meeting, as far as the reader may see them. */
export function OtherLinks({ links }: { links: Links }) {
  if (links.topics.length === 0 && links.rounds.length === 0 && !links.meeting) return null;
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{f.links}</h2>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {links.topics.length > 0 ? (
          <>
            <dt className="font-semibold">{f.topics}</dt>
            <dd>
              {links.topics.map((topic, i) => (
                <span key={topic.slug}>
                  {i > 0 ? ", " : null}
                  <a href={`/themen/${topic.slug}`}>{topic.title}</a>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {links.rounds.length > 0 ? (
          <>
            <dt className="font-semibold">{f.rounds}</dt>
            <dd>
              {links.rounds.map((round, i) => (
                <span key={round.id}>
                  {i > 0 ? ", " : null}
                  <a href={`/bewertungsrunden/${round.id}`}>{round.title}</a>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {links.meeting ? (
          <>
            <dt className="font-semibold">{f.meeting}</dt>
            <dd>
              <a href={`/sitzungen/${links.meeting.id}`}>{links.meeting.name}</a> ({formatDate(links.meeting.start)})
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
