import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { renderCommentMarkdown } from "~/topics/comments.server";
import { createComment, deleteComment, setCommentHidden } from "~/topics/comment-write.server";
import { markTopicRead, setFollowing } from "~/topics/activity.server";
import { CommentFormSchema, CommentIdSchema, HideSchema, PreviewSchema } from "~/topics/schemas.server";
import type { Failure } from "~/topics/topics.server";
import { assertCan, requireUser } from "~/policy.server";
import type { SessionUser } from "~/accounts/session.server";
import { readForm } from "~/lib/fields";

type Feedback = { target: string; errors: Record<string, string>; values?: Record<string, string>; previewHtml?: string | null };
export type TopicActionOutcome = { kind: "redirect"; user: SessionUser; commentId?: number } | { kind: "json"; status: number; body: Feedback | { ok: true } };

const reply = (status: number, body: Feedback): TopicActionOutcome => ({ kind: "json", status, body });

function failed(result: Failure, target: string, values?: Record<string, string>): TopicActionOutcome {
  return reply(result.status, { target, errors: { form: result.errors.form }, values });
}

/** The topic page's form posts, by intent: auth → parse → model; each model call is one transaction. */
export async function handleTopicAction({ request, slug }: { request: Request; slug: string }): Promise<TopicActionOutcome> {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  switch (intent) {
    case "comment":
    case "preview":
      return commentAction(user, slug, form, intent);
    case "delete": {
      assertCan(user, "update:comment:own");
      const parsed = parseForm(CommentIdSchema, form);
      if (!parsed.ok) return reply(422, { target: "page", errors: { form: t.topics.errors.commentNotFound } });
      const result = await deleteComment({ actor: user, slug, commentId: parsed.data.commentId });
      return result.ok ? { kind: "redirect", user, commentId: result.commentId } : failed(result, "page");
    }
    case "hide":
    case "unhide":
      return moderationAction(user, slug, form, intent);
    case "follow":
    case "unfollow": {
      assertCan(user, "follow:item");
      const result = await setFollowing({ member: user, slug, follow: intent === "follow" });
      return result.ok ? { kind: "redirect", user } : failed(result, "page");
    }
    case "markRead": {
      const result = await markTopicRead({ member: user, slug });
      return result.ok ? reply(200, { target: "markRead", errors: {} }) : failed(result, "page");
    }
    default:
      return reply(400, { target: "page", errors: { form: t.topics.errors.unknownIntent } });
  }
}

async function commentAction(user: SessionUser, slug: string, form: FormData, intent: string): Promise<TopicActionOutcome> {
  assertCan(user, "create:comment");
  const values = { body: String(form.get("body") ?? "") };
  const parentId = form.get("parentId");
  const target = parentId ? `reply-${parentId}` : "comment";
  if (intent === "preview") {
    const parsed = parseForm(PreviewSchema, form);
    if (!parsed.ok) return reply(422, { target, errors: parsed.errors, values });
    return reply(200, { target, errors: {}, values, previewHtml: renderCommentMarkdown(parsed.data.body) });
  }
  const parsed = parseForm(CommentFormSchema, form);
  if (!parsed.ok) return reply(422, { target, errors: parsed.errors, values });
  const result = await createComment({ author: user, slug, body: parsed.data.body, parentId: parsed.data.parentId });
  return result.ok ? { kind: "redirect", user, commentId: result.commentId } : failed(result, target, values);
}

async function moderationAction(user: SessionUser, slug: string, form: FormData, intent: string): Promise<TopicActionOutcome> {
  assertCan(user, "moderate:comment");
  if (intent === "unhide") {
    const parsed = parseForm(CommentIdSchema, form);
    if (!parsed.ok) return reply(422, { target: "page", errors: { form: t.topics.errors.commentNotFound } });
    const result = await setCommentHidden({ actor: user, slug, commentId: parsed.data.commentId, reason: null });
    return result.ok ? { kind: "redirect", user, commentId: result.commentId } : failed(result, "page");
  }
  const parsed = parseForm(HideSchema, form);
  const target = `hide-${String(form.get("commentId") ?? "")}`;
  if (!parsed.ok) return reply(422, { target, errors: parsed.errors });
  const result = await setCommentHidden({ actor: user, slug, commentId: parsed.data.commentId, reason: parsed.data.reason });
  return result.ok ? { kind: "redirect", user, commentId: result.commentId } : failed(result, "page");
}
