import { routeId } from "~/lib/fields";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { t } from "~/i18n/de";
import { findCommentPage } from "~/topics/comments.server";
import { getUser, notFound } from "~/policy.server";

/** Stable link to a comment: sends the reader to the page it is on. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const commentId = routeId(params.id, t.topics.errors.commentNotFound);
  const page = await findCommentPage({ reader: user, slug: params.slug ?? "", commentId });
  if (!page) notFound(t.topics.errors.commentNotFound);
  return redirect(`/themen/${params.slug}?seite=${page}#comment-${commentId}`);
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
