import { Form, Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";

type Discussion = {
  slug: string;
  status: string;
  commentCount: number;
  comments: Array<{ id: number; html: string; createdAt: string; authorName: string }>;
};

/** The newest comments of the proposal's topic; the form posts to the topic page's own comment action. */
export function ProposalDiscussion({ discussion, canComment }: { discussion: Discussion; canComment: boolean }) {
  const text = t.ratings.proposalDiscussion;
  const topicUrl = `/themen/${discussion.slug}`;
  return (
    <section aria-labelledby="proposal-discussion-title" className="no-print mt-8 max-w-3xl">
      <h2 id="proposal-discussion-title">{text.heading}</h2>
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
              </p>
              <div className="prose-md mt-2" dangerouslySetInnerHTML={{ __html: comment.html }} />
            </article>
          </li>
        ))}
      </ol>
      <p className="mt-3"><Link to={topicUrl}>{text.full}</Link></p>
      {discussion.status !== "open" ? <p className="mt-3 rounded bg-slate-100 p-3">{text.closed}</p> : null}
      {discussion.status === "open" && canComment ? (
        <Form method="post" action={`${topicUrl}?index`} className="mt-4 space-y-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="proposal-comment-body">{t.topics.comment.body}</label>
            <p id="proposal-comment-body-hint" className="text-sm text-slate-700">{t.topics.form.bodyHint}</p>
            <textarea id="proposal-comment-body" name="body" rows={4} required aria-describedby="proposal-comment-body-hint" />
          </div>
          <button type="submit" name="intent" value="comment" className="btn">{t.topics.comment.submit}</button>
        </Form>
      ) : null}
    </section>
  );
}
