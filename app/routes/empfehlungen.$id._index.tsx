import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { redirectAfterChange } from "~/lib/redirect.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { CommentsSection } from "~/recommendations/ui/comments-section";
import { CoauthorsSection } from "~/recommendations/ui/coauthors-section";
import { LinkedPapers } from "~/recommendations/ui/linked-papers";
import { OtherLinks } from "~/recommendations/ui/other-links";
import { PublishPanel } from "~/recommendations/ui/publish-panel";
import { RecommendationHeader } from "~/recommendations/ui/recommendation-header";
import { VotePanel } from "~/recommendations/ui/vote-panel";
import { VoteRecord } from "~/recommendations/ui/vote-record";
import { t } from "~/i18n/de";
import { handleRecommendationIntent } from "~/recommendations/actions.server";
import { loadRecommendationPage } from "~/recommendations/page.server";
import { can, getUser, notFound, requireUser } from "~/policy.server";
import { readForm, routeId } from "~/lib/fields";
import { FollowButton } from "~/notifications/ui/follow-button";
import { TimelineSection } from "~/commitments/ui/timeline-section";
import { DocumentsSection, documentNotice } from "~/documents/ui/documents-section";
import { env } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.rec.title ?? t.recommendations.title} – Digitalbeirat` },
  { tagName: "link", rel: "alternate", type: "application/atom+xml", href: "/empfehlungen.atom", title: t.recommendations.feedTitle },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const id = routeId(params.id, t.recommendations.notFound);
  const page = await loadRecommendationPage({ id, reader: user });
  if (!page) notFound(t.recommendations.notFound);
  return json({
    ...page,
    canFollowUp: can(user, "read:commitment:internal"),
    documentNotice: documentNotice(request.url),
    fileMaxMb: env().FILE_MAX_MB,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = routeId(params.id, t.recommendations.notFound);
  const result = await handleRecommendationIntent({ actor: user, id, form: await readForm(request) });
  if (!result.ok) return json({ errors: result.errors, intent: result.intent }, { status: result.status });
  return redirectAfterChange(`/empfehlungen/${id}${result.anchor ? `#${result.anchor}` : ""}`);
}

export default function RecommendationPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (intents: string[]) => (actionData && intents.includes(actionData.intent) ? actionData.errors : {});
  const { rec, permissions } = data;
  const d = t.recommendations.detail;
  return (
    <article aria-labelledby="rec-title" className="space-y-6">
      <RecommendationHeader rec={rec} coauthors={data.coauthors} permissions={permissions} board={data.board} />
      {data.follow ? <FollowButton type="recommendation" id={rec.id} following={data.follow.following} label={rec.title} /> : null}
      {data.corrections.length > 0 ? (
        <aside aria-label={d.correctionNote} className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {data.corrections.map((c) => (
            <p key={c.number}>
              <strong>
                {d.correctionNote} ({d.version} {c.number}):
              </strong>{" "}
              {c.note}
            </p>
          ))}
        </aside>
      ) : null}
      {rec.summary ? (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{d.summary}</h2>
          <p>{rec.summary}</p>
        </section>
      ) : null}
      <section aria-labelledby="text-title">
        <h2 id="text-title">{t.recommendations.boardTextHeading}</h2>
        <div className="prose-md max-w-3xl" dangerouslySetInnerHTML={{ __html: data.html }} />
      </section>
      {data.documents ? <DocumentsSection section={data.documents} maxMb={data.fileMaxMb} notice={data.documentNotice} /> : null}
      <VoteRecord record={rec} recusals={data.recusals} />
      <VotePanel
        status={rec.status}
        voteDeadline={rec.voteDeadline}
        ballotOpen={data.ballotOpen}
        ballots={data.ballots}
        ownVote={data.ownVote}
        canVote={permissions.canVote}
        canManage={permissions.canManage}
        votedVersion={rec.votedVersion}
        meetings={data.meetings}
        meetingId={rec.meetingId}
        errors={errorsFor(["vote", "start-vote", "close-vote"])}
      />
      {permissions.canManage ? <PublishPanel status={rec.status} isPublic={rec.isPublic} errors={errorsFor(["publish", "make-public"])} /> : null}
      <section aria-labelledby="papers-title">
        <h2 id="papers-title">{d.papers}</h2>
        <LinkedPapers papers={data.papers} boardResult={rec.result ? t.recommendations.vote.result[rec.result] : null} />
      </section>
      {data.timeline ? <TimelineSection recommendationId={rec.id} timeline={data.timeline} canFollowUp={data.canFollowUp} /> : null}
      <OtherLinks links={data.links} />
      {permissions.canEdit ? <CoauthorsSection candidates={data.possibleCoauthors} errors={errorsFor(["add-coauthor"])} /> : null}
      {data.board && data.discussion ? (
        <CommentsSection discussion={data.discussion} canComment={permissions.canComment} errors={errorsFor(["comment"])} />
      ) : null}
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.recommendations.notFound });
