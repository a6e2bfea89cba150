import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";

type Discussion = {
  slug: string;
  status: string;
  commentCount: number;
  comments: Array<{ id: number; html: string; createdAt: string; authorName: string; versionNumber?: number | null }>;
};

type Props = {
  discussion: Discussion;
  heading: string;
  headingId: string;
  /** "zu Fassung 2" in a recommendation's discussion. */
  versionLabel?: (version: number) => string;
  /** The comment form, shown while the discussion is open. */
  children?: ReactNode;
};

/** The newest comments of an object's discussion topic, with a link to the whole thread. */
export function DiscussionPreview({ discussion, heading, headingId, versionLabel, children }: Props) {
  const text = t.topics.discussion;
  return (
    <section aria-labelledby={headingId} className="no-print mt-8 max-w-3xl">
      <h2 id={headingId}>{heading}</h2>
      {discussion.comments.length === 0 ? <p>{text.none}</p> : null}
      {discussion.commentCount > discussion.comments.length ? (
        <p className="text-sm text-slate-700">{text.latest(discussion.comments.length, discussion.commentCount)}</p>
      ) : null}
      <ol className="space-y-3">
        {discussion.comments.map((comment) => (
          <li key={comment.id}>
            <article aria-label={text.commentBy(comment.authorName)} className="rounded border border-slate-300 p-3">
              <p className="text-sm text-slate-700">
                <strong>{comment.authorName}</strong> · <time dateTime={isoString(comment.createdAt)}>{formatDateTime(comment.createdAt)}</time>
                {versionLabel && comment.versionNumber ? <> · {versionLabel(comment.versionNumber)}</> : null}
              </p>
              <div className="prose-md mt-2" dangerouslySetInnerHTML={{ __html: comment.html }} />
            </article>
          </li>
        ))}
      </ol>
      <p className="mt-3">
        <Link to={`/themen/${discussion.slug}`}>{text.full}</Link>
      </p>
      {discussion.status !== "open" ? <p className="mt-3 rounded bg-slate-100 p-3">{text.closed}</p> : children}
    </section>
  );
}
