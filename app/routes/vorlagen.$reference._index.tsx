import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { PaperBoardSection, RelatedPapers } from "~/papers/ui/paper-board-section";
import { PaperDocument } from "~/papers/ui/paper-document";
import { PrintButton } from "~/ui/print-button";
import { PaperRecommendations } from "~/recommendations/ui/paper-recommendations";
import { t } from "~/i18n/de";
import { listAgendaItemsForPaper } from "~/meetings/agenda.server";
import { paperPath } from "~/papers/paper-path";
import { findPaperBySlugWithHtml, listConsultations, listRelatedPapers } from "~/papers/papers.server";
import { listRecommendationsForPaper } from "~/recommendations/recommendations.server";
import { can, getUser, notFound } from "~/policy.server";
import { SourceNote } from "~/oparl/ui/source-note";
import { followState } from "~/notifications/follows.server";
import { FollowButton } from "~/notifications/ui/follow-button";
import { loadDocumentSection } from "~/documents/documents.server";
import { DocumentsSection, documentNotice } from "~/documents/ui/documents-section";
import { env } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.paper.reference} – ${data.paper.name} – Digitalbeirat` : t.papers.title },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const paper = (await findPaperBySlugWithHtml({ viewer: user, slug: params.reference })) ?? notFound(t.papers.errors.notFound);
  const [steps, related, boardItems, recommendations, follow, documents] = await Promise.all([
    listConsultations({ paperId: paper.id }),
    listRelatedPapers({ viewer: user, paperId: paper.id }),
    listAgendaItemsForPaper({ viewer: user, paperId: paper.id }),
    listRecommendationsForPaper({ paperId: paper.id, reader: user }),
    followState(user, "paper", paper.id),
    loadDocumentSection({ ref: { type: "paper", id: paper.id }, reader: user, facts: { type: "paper", isPublic: paper.isPublic } }),
  ]);
  return json({
    paper: {
      ...paper,
      answers: related.filter((r) => r.direction === "answers"),
    },
    steps,
    related,
    boardItems,
    recommendations,
    follow,
    canManage: can(user, "manage:paper"),
    documents,
    documentNotice: documentNotice(request.url),
    fileMaxMb: env().FILE_MAX_MB,
  });
}

export default function PaperPage() {
  const { paper, steps, related, boardItems, recommendations, canManage, follow, documents, documentNotice, fileMaxMb } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label={t.papers.title} className="no-print mb-4 flex flex-wrap gap-3">
        <Link to="/vorlagen">{t.papers.title}</Link>
        <PrintButton />
        {follow ? <FollowButton type="paper" id={paper.id} following={follow.following} label={paper.reference} /> : null}
        {canManage ? (
          <>
            <Link to={`${paperPath(paper.reference)}/bearbeiten`} className="btn-secondary">
              {t.papers.editPaper}
            </Link>
            <Link to={`${paperPath(paper.reference)}/gremienweg`} className="btn-secondary">
              {t.papers.editGremienweg}
            </Link>
          </>
        ) : null}
      </nav>
      <p className="no-print mb-2 text-sm text-slate-700">
        {t.papers.filters.status}: <strong>{t.papers.statuses[paper.status]}</strong>
      </p>
      {paper.imported ? <SourceNote source={paper} editing={canManage} /> : null}
      <PaperDocument paper={paper} steps={steps} />
      {documents ? <DocumentsSection section={documents} maxMb={fileMaxMb} notice={documentNotice} /> : null}
      <div className="no-print">
        <RelatedPapers related={related} />
        <PaperBoardSection items={boardItems} />
        <PaperRecommendations items={recommendations} />
      </div>
    </>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.papers.errors.notFound });
