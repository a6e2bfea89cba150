import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { FactSheet } from "~/ratings/ui/fact-sheet";
import { ProposalDiscussion } from "~/ratings/ui/proposal-discussion";
import { ProposalFields } from "~/ratings/ui/proposal-fields";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { renderMarkdown } from "~/lib/markdown.server";
import { getProposalDiscussion } from "~/ratings/proposal-discussion.server";
import { loadRound } from "~/ratings/access.server";
import { ProposalSchema } from "~/ratings/forms.server";
import { getProposal, updateProposal } from "~/ratings/setup.server";
import { can, notFound } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { FormAlert } from "~/ui/form";
import { invalidForm, respondToRefusal } from "~/server/refusal-response.server";
import { routeId } from "~/lib/fields";
import { loadDocumentSection } from "~/documents/documents.server";
import { DocumentsSection, documentNotice } from "~/documents/ui/documents-section";
import { env } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.proposal.title ?? t.ratings.proposal.heading} – Digitalbeirat` }];

async function loadProposal(request: Request, params: Parameters<typeof loadRound>[1], permission: "read:round" | "manage:round") {
  const loaded = await loadRound(request, params, permission);
  const proposal = await getProposal({ roundId: loaded.round.id, proposalId: routeId(params.proposalId, t.ratings.errors.proposalNotFound) });
  if (!proposal) notFound(t.ratings.errors.proposalNotFound);
  return { ...loaded, proposal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round, proposal } = await loadProposal(request, params, "read:round");
  const discussion = await getProposalDiscussion({ reader: user, topicId: proposal.discussionTopicId });
  const documents = await loadDocumentSection({ ref: { type: "proposal", id: proposal.id }, reader: user });
  return json({
    round: { id: round.id, title: round.title, status: round.status, topicSlug: round.topicSlug, topicTitle: round.topicTitle },
    proposal: { ...proposal, summaryHtml: renderMarkdown(proposal.summary) },
    discussion,
    canComment: can(user, "create:comment"),
    canEdit: can(user, "manage:round") && round.status === "draft",
    documents,
    documentNotice: documentNotice(request.url),
    fileMaxMb: env().FILE_MAX_MB,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round, proposal } = await loadProposal(request, params, "manage:round");
  const parsed = parseForm(ProposalSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  try {
    await updateProposal({ roundId: round.id, proposalId: proposal.id, input: parsed.data, actor: user });
    return redirect(`/bewertungsrunden/${round.id}/vorschlaege/${proposal.id}`);
  } catch (error) {
    return respondToRefusal(error);
  }
}

export default function ProposalPage() {
  const { round, proposal, discussion, canComment, canEdit, documents, documentNotice, fileMaxMb } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <article aria-labelledby="proposal-title">
      <p className="no-print mb-2">
        <Link to={`/bewertungsrunden/${round.id}`}>{round.title}</Link>
      </p>
      <h1 id="proposal-title">{proposal.title}</h1>
      <p className="text-slate-700">{proposal.vendor}</p>
      <div className="prose-md my-4 max-w-3xl" dangerouslySetInnerHTML={{ __html: proposal.summaryHtml }} />
      <h2>{t.ratings.proposal.factSheet}</h2>
      <FactSheet facts={proposal} />
      {documents ? <DocumentsSection section={documents} maxMb={fileMaxMb} notice={documentNotice} /> : null}
      {round.topicSlug ? (
        <p className="no-print mt-6">
          {t.ratings.proposal.discussion} <Link to={`/themen/${round.topicSlug}`}>{round.topicTitle}</Link>
        </p>
      ) : null}
      {discussion ? <ProposalDiscussion discussion={discussion} canComment={canComment} /> : null}
      {canEdit ? (
        <section aria-labelledby="edit-title" className="no-print mt-8 max-w-3xl">
          <h2 id="edit-title">{t.ratings.proposal.edit}</h2>
          <FormAlert message={data?.errors.form} />
          <Form method="post" noValidate className="space-y-3">
            <ProposalFields proposal={proposal} errors={data?.errors} />
            <button type="submit" className="btn">
              {t.common.save}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.ratings.errors.proposalNotFound });
