import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { redirectAfterChange } from "~/lib/redirect.server";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { CommentView, ReplyForm, type ActionFeedback } from "~/topics/ui/comment-view";
import { NewCommentForm, TopicHeader } from "~/topics/ui/topic-page";
import { Pagination } from "~/ui/pagination";
import { t } from "~/i18n/de";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import { COMMENTS_PAGE_SIZE, findCommentPage, listCommentThreads, storedCommentHtml } from "~/topics/comments.server";
import { getProposalForTopic } from "~/ratings/proposal-discussion.server";
import { getRecommendationForTopic } from "~/recommendations/discussion.server";
import { handleTopicAction } from "~/topics/actions.server";
import { canEditTopic, getTopicForReader } from "~/topics/topics.server";
import { displayName } from "~/accounts/users.server";
import { can, getUser, notFound } from "~/policy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.topic.title ?? t.topics.list.title} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const topic = await getTopicForReader({ reader: user, slug: params.slug ?? "" });
  if (!topic) notFound(t.topics.errors.topicNotFound);
  const page = pageFromUrl(new URL(request.url));
  const { readAt, following } = topic;
  const [{ threads, threadCount }, proposal, recommendation] = await Promise.all([
    listCommentThreads({ reader: user, topicId: topic.id, page, readAt }),
    getProposalForTopic({ reader: user, topicId: topic.id }),
    getRecommendationForTopic({ reader: user, topicId: topic.id }),
  ]);
  const totalPages = pageCount(threadCount, COMMENTS_PAGE_SIZE);
  if (page > totalPages) notFound(t.topics.errors.pastEnd);
  const open = topic.status === "open";
  return json({
    topic: {
      slug: topic.slug,
      title: topic.title,
      html: storedCommentHtml(topic),
      status: topic.status,
      visibility: topic.visibility,
      fieldName: topic.fieldName,
      createdAt: topic.createdAt.toISOString(),
      author: {
        name: displayName({ name: topic.authorName, deletedAt: topic.authorDeletedAt }),
        organisation: topic.authorDeletedAt ? null : topic.authorOrganisation,
        role: topic.authorDeletedAt ? null : topic.authorRole,
      },
    },
    threads,
    proposal,
    recommendation,
    page,
    totalPages,
    following,
    signedIn: user !== null,
    permissions: {
      comment: open && can(user, "create:comment"),
      moderate: can(user, "moderate:comment"),
      follow: can(user, "follow:item"),
      edit: canEditTopic(user, topic),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await handleTopicAction({ request, slug: params.slug ?? "" });
  if (outcome.kind === "redirect") {
    const page = outcome.commentId ? await findCommentPage({ reader: outcome.user, slug: params.slug ?? "", commentId: outcome.commentId }) : null;
    const anchor = outcome.commentId ? `?seite=${page ?? 1}#comment-${outcome.commentId}` : "";
    return redirectAfterChange(`/themen/${params.slug}${anchor}`, 302);
  }
  return json(outcome.body, { status: outcome.status });
}

/** Recording a read mark changes nothing on the page: skip the reload. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "markRead" ? false : defaultShouldRevalidate;

export default function TopicPage() {
  const data = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as ActionFeedback;
  const { slug } = data.topic;
  // A new key after every navigation empties the forms and previews once a post went through.
  const { key } = useLocation();
  return (
    <article aria-labelledby="topic-title" key={key}>
      <TopicHeader data={data} />
      {data.proposal ? (
        <p className="no-print mt-4">
          {t.ratings.proposalDiscussion.backToProposal}{" "}
          <Link to={`/bewertungsrunden/${data.proposal.roundId}/vorschlaege/${data.proposal.proposalId}`}>{data.proposal.title}</Link>{" "}
          {t.ratings.proposalDiscussion.inRound} „{data.proposal.roundTitle}“
        </p>
      ) : null}
      {data.recommendation ? (
        <p className="no-print mt-4">
          {t.topics.discussion.backToRecommendation} <Link to={`/empfehlungen/${data.recommendation.id}`}>{data.recommendation.title}</Link>
        </p>
      ) : null}
      <section aria-labelledby="discussion-title" className="mt-8">
        <h2 id="discussion-title">
          {t.topics.topic.discussion}
          {data.totalPages > 1 ? (
            <span className="text-base font-normal">
              {" "}
              ({t.topics.topic.commentsPage} {data.page})
            </span>
          ) : null}
        </h2>
        {feedback?.target === "page" && feedback.errors?.form ? (
          <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-800">
            {feedback.errors.form}
          </p>
        ) : null}
        {data.threads.length === 0 ? <p>{t.topics.topic.noComments}</p> : null}
        <ol className="space-y-4">
          {data.threads.map((thread) => (
            <li key={thread.id}>
              <CommentView slug={slug} comment={thread} permissions={data.permissions} feedback={feedback} isReply={false} />
              {thread.replies.length > 0 ? (
                <ol className="ml-6 mt-2 space-y-2" aria-label={`${t.topics.comment.replies}: ${thread.author.name}`}>
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentView slug={slug} comment={reply} permissions={data.permissions} feedback={feedback} isReply />
                    </li>
                  ))}
                </ol>
              ) : null}
              {data.permissions.comment && thread.state === "visible" ? (
                <div className="ml-6">
                  <ReplyForm parent={thread} feedback={feedback} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        <Pagination page={data.page} totalPages={data.totalPages} />
        <NewCommentForm data={data} feedback={feedback} />
      </section>
    </article>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
