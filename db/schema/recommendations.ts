import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, htmlStamp, identity, linkTable, renderedHtml, requiredRef, timestamps, tsvector } from "./columns";
import { actorRef, userRef } from "./accounts";
import { meetings } from "./meetings";
import { papers } from "./papers";
import { ratingRounds } from "./ratings";
import { topics } from "./topics";

export const RECOMMENDATION_STATUSES = ["draft", "voting", "adopted", "rejected", "published"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const VOTE_RESULTS = ["einstimmig", "mehrheitlich", "abgelehnt"] as const;
export type VoteResult = (typeof VOTE_RESULTS)[number];
export const REJECTION_REASONS = ["quorum", "tie", "majority"] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export const VOTE_CHOICES = ["ja", "nein", "enthaltung", "befangen"] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/**
 * A recommendation of the board. title/summary/body mirror the latest version (for lists and
 * search); the versions table is the record. Once in vote the mirrored text is the frozen
 * version, once published it is the published version.
 */
export const recommendations = pgTable(
  "recommendations",
  {
    id: identity(),
    /** EM/0001/2025, assigned at publication. */
    reference: text("reference"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull(),
    bodyHtml: renderedHtml("body_html"),
    htmlStamp: htmlStamp(),
    status: text("status").$type<RecommendationStatus>().notNull().default("draft"),
    createdById: actorRef("created_by_id"),
    ...timestamps(),
    latestVersion: integer("latest_version").notNull().default(1),
    /** The board-internal topic the draft is discussed in, created with it (decision 043). */
    discussionTopicId: integer("discussion_topic_id").references(() => topics.id, { onDelete: "set null" }),
    // vote
    voteOpenedAt: timestamp("vote_opened_at", { withTimezone: true }),
    voteDeadline: timestamp("vote_deadline", { withTimezone: true }),
    /** The board meeting where it is decided; a vote without deadline closes there. */
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    votedVersion: integer("voted_version"),
    voteClosedAt: timestamp("vote_closed_at", { withTimezone: true }),
    result: text("result").$type<VoteResult>(),
    rejectionReason: text("rejection_reason").$type<RejectionReason>(),
    yesCount: integer("yes_count"),
    noCount: integer("no_count"),
    abstainCount: integer("abstain_count"),
    recusedCount: integer("recused_count"),
    eligibleCount: integer("eligible_count"),
    quorumRequired: integer("quorum_required"),
    quorumMet: boolean("quorum_met"),
    // publication
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedVersion: integer("published_version"),
    isPublic: boolean("is_public").notNull().default(false),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('german', coalesce("title", '')), 'A') || setweight(to_tsvector('german', coalesce("summary", '')), 'B') || setweight(to_tsvector('german', coalesce("body", '')), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("recommendations_reference_idx").on(t.reference),
    uniqueIndex("recommendations_discussion_topic_idx").on(t.discussionTopicId),
    index("recommendations_status_updated_idx").on(t.status, t.updatedAt),
    index("recommendations_published_idx")
      .on(t.publishedAt)
      .where(sql`${t.status} = 'published'`),
    index("recommendations_search_idx").using("gin", t.searchVector),
    index("recommendations_meeting_idx").on(t.meetingId),
    check("recommendations_status_check", sql`${t.status} in ('draft', 'voting', 'adopted', 'rejected', 'published')`),
    check("recommendations_result_check", sql`${t.result} is null or ${t.result} in ('einstimmig', 'mehrheitlich', 'abgelehnt')`),
    check("recommendations_rejection_check", sql`${t.rejectionReason} is null or ${t.rejectionReason} in ('quorum', 'tie', 'majority')`),
    check("recommendations_title_length", sql`char_length(${t.title}) between 1 and 200`),
    check("recommendations_voting_frozen", sql`${t.status} = 'draft' or (${t.votedVersion} is not null and ${t.voteOpenedAt} is not null)`),
    check(
      "recommendations_closed_has_result",
      sql`${t.status} in ('draft', 'voting') or (${t.result} is not null and ${t.voteClosedAt} is not null and ${t.quorumMet} is not null)`,
    ),
    check("recommendations_adopted_result", sql`${t.status} not in ('adopted', 'published') or ${t.result} in ('einstimmig', 'mehrheitlich')`),
    check("recommendations_rejected_result", sql`${t.status} <> 'rejected' or (${t.result} = 'abgelehnt' and ${t.rejectionReason} is not null)`),
    check(
      "recommendations_published_fields",
      sql`${t.status} <> 'published' or (${t.publishedAt} is not null and ${t.reference} is not null and ${t.publishedVersion} is not null)`,
    ),
    check("recommendations_public_only_published", sql`not ${t.isPublic} or ${t.status} = 'published'`),
  ],
);

/** Every saved text, insert-only (a trigger refuses UPDATE, see db/sql/). */
export const recommendationVersions = pgTable(
  "recommendation_versions",
  {
    id: identity(),
    recommendationId: requiredRef("recommendation_id", () => recommendations.id, "cascade"),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull(),
    authorId: actorRef("author_id"),
    createdAt: createdAt(),
    /** Set on a correction of a published text, shown with it. */
    correctionNote: text("correction_note"),
  },
  (t) => [
    unique("recommendation_versions_number_unique").on(t.recommendationId, t.number),
    check("recommendation_versions_number_positive", sql`${t.number} >= 1`),
  ],
);

export const recommendationCoauthors = pgTable(
  "recommendation_coauthors",
  {
    recommendationId: requiredRef("recommendation_id", () => recommendations.id, "cascade"),
    userId: userRef(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recommendationId, t.userId] }), index("recommendation_coauthors_user_idx").on(t.userId)],
);

/**
 * One row per member and recommendation: a vote (ja/nein/enthaltung) or a declared conflict of
 * interest (befangen) instead, never both.
 */
export const recommendationVotes = pgTable(
  "recommendation_votes",
  {
    id: identity(),
    recommendationId: requiredRef("recommendation_id", () => recommendations.id, "cascade"),
    userId: userRef(),
    choice: text("choice").$type<VoteChoice>().notNull(),
    conflictReason: text("conflict_reason"),
    ...timestamps(),
  },
  (t) => [
    unique("recommendation_votes_one_per_member").on(t.recommendationId, t.userId),
    index("recommendation_votes_user_idx").on(t.userId),
    check("recommendation_votes_choice_check", sql`${t.choice} in ('ja', 'nein', 'enthaltung', 'befangen')`),
    check("recommendation_votes_reason_only_conflict", sql`${t.conflictReason} is null or ${t.choice} = 'befangen'`),
  ],
);

/** The council papers a recommendation answers (e.g. AT/0014/2025 and ST/0020/2025). */
export const recommendationPapers = pgTable(
  "recommendation_papers",
  {
    recommendationId: requiredRef("recommendation_id", () => recommendations.id, "cascade"),
    paperId: requiredRef("paper_id", () => papers.id, "restrict"),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.recommendationId, t.paperId] }), index("recommendation_papers_paper_idx").on(t.paperId)],
);

export const recommendationTopics = linkTable("recommendation_topics", { recommendationId: () => recommendations.id }, { topicId: () => topics.id });

export const recommendationRounds = linkTable("recommendation_rounds", { recommendationId: () => recommendations.id }, { roundId: () => ratingRounds.id });
