import { type Role } from "#db/schema";
import { shownHtml } from "~/server/markdown/stored.server";
import { loadRecommendationTimeline } from "~/commitments/timeline.server";
import { loadDocumentSection } from "~/documents/documents.server";
import { getRecommendationDiscussion } from "~/recommendations/discussion.server";
import { readRecommendationPageRow } from "~/recommendations/page-row.server";
import { ballotOpen } from "~/recommendations/rules.server";
import { linkedPapersView, readLinkedPapers } from "~/recommendations/recommendations.server";
import { can, type Reader } from "~/policy.server";

type PageReader = (Reader & { role: Role }) | null;

/** The recommendation with its lists and its linked papers: two statements, read side by side. */
async function readRecommendation({ id, reader }: { id: number; reader: PageReader }) {
  const [row, papers] = await Promise.all([readRecommendationPageRow({ id, reader }), readLinkedPapers({ id, reader })]);
  return row ? { ...row, papers, html: shownHtml("portal", row.rec.body, row.stored.bodyHtml, row.stored.htmlStamp) } : null;
}

/**
 * Everything the detail page shows, already filtered for the reader; null when not visible.
 * Issue 15: at most 8 statements with the session — the recommendation with its small lists,
 * the linked papers, then side by side the discussion, the timeline's follow-ups and the documents.
 */
export async function loadRecommendationPage({ id, reader }: { id: number; reader: PageReader }) {
  const read = await readRecommendation({ id, reader });
  if (!read) return null;
  const { rec, coauthors } = read;
  const board = can(reader, "read:recommendation:draft");
  const canManage = can(reader, "manage:recommendation");
  // The same rule as mayEditDraft, from the co-authors already read.
  const isAuthor = reader !== null && (rec.createdById === reader.id || coauthors.some((c) => c.id === reader.id));
  const canEdit = rec.status === "draft" && reader !== null && (canManage || (can(reader, "update:recommendation:own") && isAuthor));
  const [discussion, timeline, documents] = await Promise.all([
    board && reader ? getRecommendationDiscussion({ reader, topicId: rec.discussionTopicId }) : Promise.resolve(null),
    rec.status === "published"
      ? loadRecommendationTimeline({
          rec: {
            id,
            result: rec.result,
            yes: rec.yesCount,
            no: rec.noCount,
            abstain: rec.abstainCount,
            voteClosedAt: rec.voteClosedAt,
            publishedAt: rec.publishedAt,
          },
          papers: read.papers,
          reader,
        })
      : Promise.resolve(null),
    loadDocumentSection({
      ref: { type: "recommendation", id },
      reader,
      facts: { type: "recommendation", status: rec.status, isPublic: rec.isPublic, isAuthor },
    }),
  ]);
  return {
    rec,
    html: read.html,
    board,
    links: read.links,
    coauthors,
    papers: linkedPapersView(read.papers),
    recusals: read.recusals,
    corrections: read.corrections,
    discussion,
    ownVote: read.ownVote,
    ballots: read.ballots,
    possibleCoauthors: canEdit ? read.coauthorCandidates.filter((p) => p.id !== rec.createdById && !coauthors.some((c) => c.id === p.id)) : [],
    meetings: read.meetingOptions,
    ballotOpen: ballotOpen(rec),
    follow: read.following === null ? null : { following: read.following },
    timeline,
    documents,
    permissions: {
      canEdit,
      canManage,
      canVote: can(reader, "vote:recommendation"),
      canComment: board && can(reader, "create:comment") && (rec.status === "draft" || rec.status === "voting"),
    },
  };
}

/** The print view (the council document): the text, the references of its papers, recusals and corrections. */
export async function loadRecommendationPrint({ id, reader }: { id: number; reader: PageReader }) {
  const read = await readRecommendation({ id, reader });
  if (!read) return null;
  return { rec: read.rec, html: read.html, papers: read.papers.map((p) => p.reference), recusals: read.recusals, corrections: read.corrections };
}
