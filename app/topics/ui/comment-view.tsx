import { Form, Link } from "@remix-run/react";
import { MarkdownEditor } from "~/ui/markdown-editor";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { SubmitButton } from "~/ui/form";

export type CommentData = {
  id: number;
  state: "visible" | "hidden" | "deleted";
  html: string | null;
  createdAt: string;
  editedAt: string | null;
  hiddenReason: string | null;
  hiddenByName: string | null;
  author: { name: string; organisation: string | null; role: string | null };
  isOwn: boolean;
  isNew: boolean;
};

export type ActionFeedback = { target?: string; errors?: Record<string, string>; values?: Record<string, string>; previewHtml?: string | null } | undefined;

export type CommentPermissions = { comment: boolean; moderate: boolean };

type Props = { slug: string; comment: CommentData; permissions: CommentPermissions; feedback: ActionFeedback; isReply: boolean };

function Byline({ comment }: { comment: CommentData }) {
  const { author } = comment;
  return (
    <p className="text-sm text-slate-700">
      <span className="font-semibold text-slate-900">{author.name}</span>
      {author.organisation ? <>, {author.organisation}</> : null}
      {author.role ? <> · {t.common.roles[author.role]}</> : null}
      {" · "}
      <time dateTime={isoString(comment.createdAt)}>{formatDateTime(comment.createdAt)}</time>
      {comment.editedAt ? (
        <>
          {" "}
          · <span title={formatDateTime(comment.editedAt)}>{t.topics.comment.edited}</span>
        </>
      ) : null}
      {comment.isNew ? (
        <>
          {" "}
          <span className="rounded bg-amber-200 px-1 text-xs font-semibold text-amber-950">{t.topics.list.unread}</span>
        </>
      ) : null}
    </p>
  );
}

function Body({ comment }: { comment: CommentData }) {
  if (comment.state === "deleted") return <p className="italic text-slate-700">{t.topics.comment.deleted}</p>;
  return (
    <>
      {comment.state === "hidden" ? (
        <p className="italic text-slate-700">
          {t.topics.comment.hidden} – {t.topics.comment.hiddenReason}: {comment.hiddenReason}
          {comment.hiddenByName ? ` (${t.topics.comment.hiddenBy} ${comment.hiddenByName})` : null}
        </p>
      ) : null}
      {comment.html !== null ? <div className="prose-md" dangerouslySetInnerHTML={{ __html: comment.html }} /> : null}
    </>
  );
}

function OwnActions({ slug, comment, isReply }: { slug: string; comment: CommentData; isReply: boolean }) {
  return (
    <div className="no-print flex flex-wrap items-center gap-3 text-sm">
      <Link to={`/themen/${slug}/beitrag/${comment.id}/bearbeiten`}>
        {t.topics.comment.edit}
        <span className="sr-only"> ({comment.id})</span>
      </Link>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="commentId" value={comment.id} />
        <button type="submit" name="intent" value="delete" className="text-red-800 underline">
          {t.topics.comment.delete}
          <span className="sr-only">
            {" "}
            {isReply ? t.topics.comment.replies : ""} ({comment.id})
          </span>
        </button>
      </Form>
    </div>
  );
}

function Moderation({ comment, feedback }: { comment: CommentData; feedback: ActionFeedback }) {
  const target = `hide-${comment.id}`;
  const error = feedback?.target === target ? feedback.errors?.reason : undefined;
  if (comment.state === "hidden") {
    return (
      <Form method="post" preventScrollReset className="no-print text-sm">
        <input type="hidden" name="commentId" value={comment.id} />
        <SubmitButton intent="unhide" className="underline">
          {t.topics.comment.unhide}
        </SubmitButton>
      </Form>
    );
  }
  return (
    <details className="no-print text-sm" open={Boolean(error)}>
      <summary className="cursor-pointer">{t.topics.comment.moderation}</summary>
      <Form method="post" preventScrollReset className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="commentId" value={comment.id} />
        <div className="flex flex-col">
          <label htmlFor={`${target}-reason`}>{t.topics.comment.hideReason}</label>
          <input
            id={`${target}-reason`}
            name="reason"
            maxLength={500}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${target}-error` : undefined}
          />
          {error ? (
            <p id={`${target}-error`} className="field-error">
              {error}
            </p>
          ) : null}
        </div>
        <SubmitButton intent="hide" className="btn-danger">
          {t.topics.comment.hide}
        </SubmitButton>
      </Form>
    </details>
  );
}

export function ReplyForm({ parent, feedback }: { parent: CommentData; feedback: ActionFeedback }) {
  const target = `reply-${parent.id}`;
  const mine = feedback?.target === target ? feedback : undefined;
  return (
    <details className="no-print mt-2" open={Boolean(mine)}>
      <summary className="cursor-pointer text-sm text-brand-700 underline">
        {t.topics.comment.reply}
        <span className="sr-only">
          {" "}
          – {t.topics.comment.replyTo} {parent.author.name}
        </span>
      </summary>
      <Form method="post" preventScrollReset className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="parentId" value={parent.id} />
        {mine?.errors?.form ? (
          <p role="alert" className="field-error">
            {mine.errors.form}
          </p>
        ) : null}
        <MarkdownEditor
          id={target}
          label={t.topics.comment.replyBody}
          defaultValue={mine?.values?.body}
          error={mine?.errors?.body}
          previewHtml={mine?.previewHtml}
          rows={4}
        />
        <SubmitButton intent="comment">{t.topics.comment.replySubmit}</SubmitButton>
      </Form>
    </details>
  );
}

/** One comment with its byline, body and the actions this reader may take. */
export function CommentView({ slug, comment, permissions, feedback, isReply }: Props) {
  const live = comment.state === "visible";
  return (
    <article id={`comment-${comment.id}`} aria-labelledby={`comment-${comment.id}-by`} className="scroll-mt-4 space-y-2 border-l-4 border-slate-300 py-2 pl-3">
      <h3 id={`comment-${comment.id}-by`} className="sr-only">{`${t.topics.list.comments}: ${comment.author.name}`}</h3>
      <Byline comment={comment} />
      <Body comment={comment} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <a href={`/themen/${slug}/beitrag/${comment.id}`} className="no-print">
          {t.topics.comment.link}
          <span className="sr-only"> {comment.id}</span>
        </a>
        {comment.editedAt && comment.state !== "deleted" && (live || permissions.moderate) ? (
          <a href={`/themen/${slug}/beitrag/${comment.id}/verlauf`} className="no-print">
            {t.topics.comment.history}
            <span className="sr-only"> {comment.id}</span>
          </a>
        ) : null}
      </div>
      {live && comment.isOwn && permissions.comment ? <OwnActions slug={slug} comment={comment} isReply={isReply} /> : null}
      {permissions.moderate && comment.state !== "deleted" ? <Moderation comment={comment} feedback={feedback} /> : null}
    </article>
  );
}
