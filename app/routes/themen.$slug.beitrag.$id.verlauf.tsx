import { routeId } from "~/lib/fields";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { getCommentHistory } from "~/topics/comments.server";
import { getUser, notFound } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.topics.comment.historyTitle} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const commentId = routeId(params.id, t.topics.errors.commentNotFound);
  const history = await getCommentHistory({ reader: user, slug: params.slug ?? "", commentId });
  if (!history) notFound(t.topics.errors.commentNotFound);
  return json({ slug: params.slug ?? "", ...history });
}

export default function CommentHistoryPage() {
  const { slug, comment, versions } = useLoaderData<typeof loader>();
  return (
    <TitledSection id="history-title" title={t.topics.comment.historyTitle} className="max-w-3xl">
      <p className="text-sm text-slate-700">
        {comment.author.name}
        {comment.author.organisation ? `, ${comment.author.organisation}` : null} ·{" "}
        <time dateTime={isoString(comment.createdAt)}>{formatDateTime(comment.createdAt)}</time>
      </p>
      <p className="no-print mb-4">
        <Link to={`/themen/${slug}/beitrag/${comment.id}`}>{t.topics.comment.backToTopic}</Link>
      </p>
      <ol className="space-y-4">
        {versions.map((version, index) => (
          <li key={version.version} className="rounded border border-slate-300 p-3">
            <h2 className="mt-0 text-base">
              {t.topics.comment.version} {version.version}
              {index === 0 ? ` (${t.topics.comment.current})` : null} · <time dateTime={isoString(version.createdAt)}>{formatDateTime(version.createdAt)}</time>
            </h2>
            <div className="prose-md" dangerouslySetInnerHTML={{ __html: version.html }} />
          </li>
        ))}
      </ol>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
