import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommentForm } from "~/topics/ui/comment-form";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { getComment, renderCommentMarkdown } from "~/topics/comments.server";
import { editComment } from "~/topics/comment-write.server";
import { CommentFormSchema, PreviewSchema } from "~/topics/schemas.server";
import { forbidden, notFound, requirePermission } from "~/policy.server";
import { readForm, routeId } from "~/lib/fields";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.topics.comment.editTitle} – Digitalbeirat` }];

/** Only the author edits, only a live comment. */
async function requireOwnComment(request: Request, params: { slug?: string; id?: string }) {
  const user = await requirePermission(request, "update:comment:own");
  const commentId = routeId(params.id, t.topics.errors.commentNotFound);
  const comment = await getComment({ reader: user, slug: params.slug ?? "", commentId });
  if (!comment || comment.deletedAt) notFound(t.topics.errors.commentNotFound);
  if (comment.authorId !== user.id) forbidden("Sie können nur eigene Beiträge bearbeiten.");
  return { user, comment, commentId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { comment } = await requireOwnComment(request, params);
  return json({ slug: params.slug ?? "", id: comment.id, body: comment.body });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, commentId } = await requireOwnComment(request, params);
  const form = await readForm(request);
  const values = { body: String(form.get("body") ?? "") };
  if (form.get("intent") === "preview") {
    const parsed = parseForm(PreviewSchema, form);
    if (!parsed.ok) return json({ values, errors: parsed.errors, previewHtml: null }, { status: 422 });
    return json({ values, errors: {} as Record<string, string>, previewHtml: renderCommentMarkdown(parsed.data.body) });
  }
  const parsed = parseForm(CommentFormSchema.pick({ body: true }), form);
  if (!parsed.ok) return json({ values, errors: parsed.errors, previewHtml: null }, { status: 422 });
  const result = await editComment({ actor: user, slug: params.slug ?? "", commentId, body: parsed.data.body });
  if (!result.ok) return json({ values, errors: { form: result.errors.form } as Record<string, string>, previewHtml: null }, { status: result.status });
  return redirect(`/themen/${params.slug}/beitrag/${commentId}`);
}

export default function EditCommentPage() {
  const data = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const errors: Record<string, string> = feedback?.errors ?? {};
  return (
    <TitledSection id="edit-comment-title" title={t.topics.comment.editTitle} className="max-w-3xl">
      <p className="no-print mb-4">
        <Link to={`/themen/${data.slug}/beitrag/${data.id}`}>{t.topics.comment.backToTopic}</Link>
      </p>
      <CommentForm
        id="edit-body"
        intent="save"
        submitLabel={t.topics.comment.editSubmit}
        defaultValue={feedback?.values.body ?? data.body}
        errors={errors}
        previewHtml={feedback?.previewHtml}
        rows={10}
      />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
