import { Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { ListSection } from "~/ui/list-section";
import { dashboardList } from "./section-classes";

export type FollowedTopicNews = { slug: string; title: string; lastActivityAt: string; newComments: number };

const d = t.topics.dashboard;

const renderFollowedTopic = (topic: FollowedTopicNews) => (
  <li key={topic.slug}>
    <Link to={`/themen/${topic.slug}`} className="font-semibold">
      {topic.title}
    </Link>{" "}
    <span className="text-sm text-slate-700">
      – {d.newComments(topic.newComments)}, <time dateTime={isoString(topic.lastActivityAt)}>{formatDateTime(topic.lastActivityAt)}</time>
    </span>
  </li>
);

/** Dashboard: followed topics with comments by others since the last read. */
export function FollowedTopicsSection({ topics }: { topics: FollowedTopicNews[] }) {
  return (
    <ListSection id="followed-topics-title" title={d.title} items={topics} empty={d.empty} classes={dashboardList} renderItem={renderFollowedTopic}>
      <p className="no-print mt-2 text-sm">
        <Link to="/themen">{d.allTopics}</Link>
      </p>
    </ListSection>
  );
}
