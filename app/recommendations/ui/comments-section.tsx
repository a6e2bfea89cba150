import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { TextArea } from "./text-area";

const c = t.recommendations.comments;

type Comment = { id: number; html: string; authorName: string | null; createdAt: string; versionNumber: number };

/** Board discussion of the draft; the HTML comes from renderMarkdown (sanitized). */
export function CommentsSection({ comments, canComment, errors }: { comments: Comment[]; canComment: boolean; errors: Record<string, string> }) {
  return (
    <section aria-labelledby="kommentare" className="no-print">
      <h2 id="kommentare">{c.heading}</h2>
      {comments.length === 0 ? <p>{c.empty}</p> : null}
      <ol className="space-y-4">
        {comments.map((comment) => (
          <li key={comment.id} className="rounded border border-slate-300 p-3">
            <p className="text-sm text-slate-700">
              {comment.authorName ?? t.common.formerMember} · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time> · {c.onVersion(comment.versionNumber)}
            </p>
            <div className="prose-md" dangerouslySetInnerHTML={{ __html: comment.html }} />
          </li>
        ))}
      </ol>
      {canComment ? (
        <Form method="post" className="mt-4 space-y-3">
          <TextArea name="comment" label={c.label} error={errors.comment ?? errors.form} rows={4} required />
          <button type="submit" name="intent" value="comment" className="btn">
            {c.submit}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
