import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";

type Links = {
  topics: Array<{ slug: string; title: string }>;
  rounds: Array<{ id: number; title: string }>;
  meeting: { id: number; name: string; start: string } | null;
};

const f = t.recommendations.form;

/** One term of the list: its label, then its links separated by commas; nothing when there are none. */
function LinkList({ label, links }: { label: string; links: Array<{ key: string | number; href: string; title: string }> }) {
  if (links.length === 0) return null;
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd>
        {links.map((link, i) => (
          <span key={link.key}>
            {i > 0 ? ", " : null}
            <a href={link.href}>{link.title}</a>
          </span>
        ))}
      </dd>
    </>
  );
}

/** Topics, rating rounds and the deciding meeting, as far as the reader may see them. */
export function OtherLinks({ links }: { links: Links }) {
  if (links.topics.length === 0 && links.rounds.length === 0 && !links.meeting) return null;
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{f.links}</h2>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <LinkList label={f.topics} links={links.topics.map((topic) => ({ key: topic.slug, href: `/themen/${topic.slug}`, title: topic.title }))} />
        <LinkList label={f.rounds} links={links.rounds.map((round) => ({ key: round.id, href: `/bewertungsrunden/${round.id}`, title: round.title }))} />
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
