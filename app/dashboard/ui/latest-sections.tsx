import { Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDate, formatDateTime, isoString } from "~/lib/dates";
import { ListSection } from "~/ui/list-section";
import { dashboardList } from "./section-classes";

const d = t.dashboard;

export type PublishedItem = { id: number; reference: string | null; title: string; summary: string | null; publishedAt: string | null };

const renderPublished = (item: PublishedItem) => (
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
);

/** Published recommendations the reader may see; the public start page shows the same list. */
export function PublishedRecommendationsSection({ items }: { items: PublishedItem[] }) {
  return (
    <ListSection
      id="published-recs-title"
      title={d.published.title}
      items={items}
      empty={d.published.empty}
      classes={{ ...dashboardList, list: "space-y-3" }}
      renderItem={renderPublished}
    >
      <p className="no-print mt-2 text-sm">
        <Link to="/empfehlungen">{d.published.all}</Link>
      </p>
    </ListSection>
  );
}

export type BallotItem = { id: number; title: string; voteDeadline: string | null };

const renderBallot = (ballot: BallotItem) => (
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
);

export function BallotsAwaitingSection({ ballots }: { ballots: BallotItem[] }) {
  return <ListSection id="ballots-title" title={d.ballots.title} items={ballots} empty={d.ballots.empty} classes={dashboardList} renderItem={renderBallot} />;
}

export type DiscussionItem = { slug: string; title: string; lastActivityAt: string; commentCount: number; unread: boolean };

const renderDiscussion = (topic: DiscussionItem) => (
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
);

export function LatestDiscussionsSection({ topics }: { topics: DiscussionItem[] }) {
  return (
    <ListSection
      id="latest-discussions-title"
      title={d.discussions.title}
      items={topics}
      empty={d.discussions.empty}
      classes={dashboardList}
      renderItem={renderDiscussion}
    />
  );
}
