import { Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDate, formatDateTime, isoString } from "~/lib/dates";

const d = t.dashboard;

export type PublishedItem = { id: number; reference: string | null; title: string; summary: string | null; publishedAt: string | null };

/** Published recommendations the reader may see; the public start page shows the same list. */
export function PublishedRecommendationsSection({ items }: { items: PublishedItem[] }) {
  return (
    <section aria-labelledby="published-recs-title" className="mt-6">
      <h2 id="published-recs-title">{d.published.title}</h2>
      {items.length === 0 ? (
        <p className="text-slate-700">{d.published.empty}</p>
      ) : (
        <ul className="space-y-3">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/empfehlungen/${item.id}`} className="font-semibold">
                {item.reference ? `${item.reference}: ` : ""}
                {item.title}
              </Link>
              {item.publishedAt ? (
                <span className="text-sm text-slate-700">
                  {" "}
                  – <time dateTime={isoString(item.publishedAt)}>{formatDate(item.publishedAt)}</time>
                </span>
              ) : null}
              {item.summary ? <p className="text-sm">{item.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="no-print mt-2 text-sm">
        <Link to="/empfehlungen">{d.published.all}</Link>
      </p>
    </section>
  );
}

export type BallotItem = { id: number; title: string; voteDeadline: string | null };

export function BallotsAwaitingSection({ ballots }: { ballots: BallotItem[] }) {
  return (
    <section aria-labelledby="ballots-title" className="mt-6">
      <h2 id="ballots-title">{d.ballots.title}</h2>
      {ballots.length === 0 ? (
        <p className="text-slate-700">{d.ballots.empty}</p>
      ) : (
        <ul className="space-y-2">
          {ballots.map((ballot) => (
            <li key={ballot.id}>
              <Link to={`/empfehlungen/${ballot.id}`} className="font-semibold">
                {ballot.title}
              </Link>
              {ballot.voteDeadline ? (
                <span className="text-sm text-slate-700">
                  {" "}
                  – {d.ballots.until} <time dateTime={isoString(ballot.voteDeadline)}>{formatDateTime(ballot.voteDeadline)}</time>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export type DiscussionItem = { slug: string; title: string; lastActivityAt: string; commentCount: number; unread: boolean };

export function LatestDiscussionsSection({ topics }: { topics: DiscussionItem[] }) {
  return (
    <section aria-labelledby="latest-discussions-title" className="mt-6">
      <h2 id="latest-discussions-title">{d.discussions.title}</h2>
      {topics.length === 0 ? (
        <p className="text-slate-700">{d.discussions.empty}</p>
      ) : (
        <ul className="space-y-2">
          {topics.map((topic) => (
            <li key={topic.slug}>
              <Link to={`/themen/${topic.slug}`} className="font-semibold">
                {topic.title}
              </Link>
              {topic.unread ? <span className="ml-2 rounded bg-amber-200 px-1 text-sm text-amber-950">{d.discussions.unread}</span> : null}
              <span className="text-sm text-slate-700">
                {" "}
                – {d.discussions.comments(topic.commentCount)}, <time dateTime={isoString(topic.lastActivityAt)}>{formatDateTime(topic.lastActivityAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
