import { and, asc, eq, isNotNull } from "drizzle-orm";
import { db } from "#db/client.server";
import { recommendationVersions, type Role } from "#db/schema";
import { shownHtml } from "~/server/markdown/stored.server";
import { getRecommendationDiscussion } from "~/recommendations/discussion.server";
import { listLinkOptions, listPossibleCoauthors } from "~/recommendations/drafting.server";
import { ballotOpen } from "~/recommendations/rules.server";
import { countBallots, getOwnVote, listRecusals } from "~/recommendations/voting.server";
import { getVisibleRecommendationWithHtml, listCoauthors, listLinkedPapers, listOtherLinks, mayEditDraft } from "~/recommendations/recommendations.server";
import { can, type Reader } from "~/policy.server";

/** Corrections of the published text, newest first, each with its note. */
async function listCorrections({ id }: { id: number }) {
  return db
    .select({ number: recommendationVersions.number, note: recommendationVersions.correctionNote, createdAt: recommendationVersions.createdAt })
    .from(recommendationVersions)
    .where(and(eq(recommendationVersions.recommendationId, id), isNotNull(recommendationVersions.correctionNote)))
    .orderBy(asc(recommendationVersions.number));
}

/** Everything the detail page shows, already filtered for the reader; null when not visible. */
export async function loadRecommendationPage({ id, reader }: { id: number; reader: (Reader & { role: Role }) | null }) {
  const visible = await getVisibleRecommendationWithHtml({ id, reader });
  if (!visible) return null;
  const { rec, stored } = visible;
  const board = can(reader, "read:recommendation:draft");
  const closed = rec.voteClosedAt !== null;
  const canManage = can(reader, "manage:recommendation");
  const canEdit = rec.status === "draft" && reader !== null && (await mayEditDraft({ id, user: reader }));
  const [links, coauthors, papers, recusals, corrections, discussion, ownVote, ballots, possibleCoauthors, options] = await Promise.all([
    listOtherLinks({ id, reader, meetingId: rec.meetingId }),
    listCoauthors({ id }),
    listLinkedPapers({ id, reader }),
    closed ? listRecusals({ id, withReasons: board }) : Promise.resolve([]),
    listCorrections({ id }),
    board && reader ? getRecommendationDiscussion({ reader, topicId: rec.discussionTopicId }) : Promise.resolve(null),
    reader && can(reader, "vote:recommendation") ? getOwnVote({ id, userId: reader.id }) : Promise.resolve(null),
    board && rec.status === "voting" ? countBallots({ id }) : Promise.resolve(null),
    canEdit ? listPossibleCoauthors() : Promise.resolve([]),
    canManage && rec.status === "draft" ? listLinkOptions() : Promise.resolve(null),
  ]);
  return {
    rec,
    html: shownHtml("portal", rec.body, stored.bodyHtml, stored.htmlStamp),
    board,
    links,
    coauthors,
    papers,
    recusals,
    corrections,
    discussion,
    ownVote,
    ballots,
    possibleCoauthors: possibleCoauthors.filter((p) => p.id !== rec.createdById && !coauthors.some((c) => c.id === p.id)),
    meetings: options?.meetings ?? [],
    ballotOpen: ballotOpen(rec),
    permissions: {
      canEdit,
      canManage,
      canVote: can(reader, "vote:recommendation"),
      canComment: board && can(reader, "create:comment") && (rec.status === "draft" || rec.status === "voting"),
    },
  };
}
