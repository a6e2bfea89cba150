import { Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";

export type FollowedTopicNews = { slug: string; title: string; lastActivityAt: string; newComments: number };

/** Dashboard: followed topics with comments by others since the last read. */
export function FollowedTopicsSection({ topics }: { topics: FollowedTopicNews[] }) {
  const d = t.topics.dashboard;
  return (
    <section aria-labelledby="followed-topics-title" className="mt-6">
      <h2 id="followed-topics-title">{d.title}</h2>
      {topics.length === 0 ? (
        <p className="text-slate-700">{d.empty}</p>
      ) : (
        <ul className="space-y-2">
          {topics.map((topic) => (
            <li key={topic.slug}>
              <Link to={`/themen/${topic.slug}`} className="font-semibold">
                {topic.title}
              </Link>{" "}
              <span className="text-sm text-slate-700">
                – {d.newComments(topic.newComments)}, <time dateTime={isoString(topic.lastActivityAt)}>{formatDateTime(topic.lastActivityAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="no-print mt-2 text-sm">
        <Link to="/themen">{d.allTopics}</Link>
      </p>
    </section>
  );
}
