import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, foreignKey, index, integer, pgTable, smallint, text, timestamp, unique } from "drizzle-orm/pg-core";
import { actorRef, users } from "./accounts";
import { createdAt, identity, requiredRef, timestamps, tsvector } from "./columns";
import { topics } from "./topics";

/**
 * Rating rounds (Nutzwertanalyse). Guards that span tables (frozen setup, state transitions,
 * no scores for recused pairs or outside the open window) are triggers in db/sql/ratings-guards.sql.
 */

export const ROUND_STATUSES = ["draft", "open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const RANKING_METHODS = ["mean", "median"] as const;
export type RankingMethod = (typeof RANKING_METHODS)[number];

export const RATING_LIMITS = {
  titleMin: 3,
  titleMax: 200,
  descriptionMax: 20_000,
  summaryMax: 20_000,
  factMax: 500,
  criterionTitleMax: 120,
  scaleMax: 2_000,
  reasonMax: 4_000,
  scoreMin: 0,
  scoreMax: 10,
  /** A reason is required for scores below this value … */
  reasonBelow: 3,
  /** … and above this one. */
  reasonAbove: 8,
} as const;

/** Keeps the referenced proposal, criterion or knock-out in the row's own round. */
const sameRound = (name: string, columns: [AnyPgColumn, AnyPgColumn], target: { id: AnyPgColumn; roundId: AnyPgColumn }) =>
  foreignKey({ name, columns, foreignColumns: [target.id, target.roundId] }).onDelete("cascade");

export const ratingRounds = pgTable(
  "rating_rounds",
  {
    id: identity(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    topicId: integer("topic_id").references(() => topics.id, { onDelete: "set null" }),
    status: text("status").$type<RoundStatus>().notNull().default("draft"),
    rankingMethod: text("ranking_method").$type<RankingMethod>().notNull().default("mean"),
    /** Set when the round opens; from this instant on the round counts as closed everywhere. */
    closesAt: timestamp("closes_at", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdById: actorRef("created_by_id"),
    /** Secret per round: orders rater pseudonyms so exports cannot be mapped back by user id. */
    pseudonymSalt: text("pseudonym_salt")
      .notNull()
      .default(sql`gen_random_uuid()::text`),
    ...timestamps(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(sql`setweight(to_tsvector('german', coalesce(title, '')), 'A') || setweight(to_tsvector('german', coalesce(description, '')), 'B')`),
  },
  (t) => [
    check("rating_rounds_status_check", sql`${t.status} in ('draft', 'open', 'closed')`),
    check("rating_rounds_method_check", sql`${t.rankingMethod} in ('mean', 'median')`),
    check("rating_rounds_title_length", sql`char_length(${t.title}) between 3 and 200`),
    check("rating_rounds_description_length", sql`char_length(${t.description}) <= 20000`),
    check("rating_rounds_open_has_dates", sql`${t.status} = 'draft' or (${t.closesAt} is not null and ${t.openedAt} is not null)`),
    check("rating_rounds_closed_at", sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    index("rating_rounds_status_closes_idx").on(t.status, t.closesAt),
    index("rating_rounds_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("rating_rounds_topic_idx").on(t.topicId),
    index("rating_rounds_search_idx").using("gin", t.search),
  ],
);

/** A proposal (e.g. one vendor's offer) with its structured fact sheet. */
export const ratingProposals = pgTable(
  "rating_proposals",
  {
    id: identity(),
    roundId: requiredRef("round_id", () => ratingRounds.id, "cascade"),
    title: text("title").notNull(),
    vendor: text("vendor").notNull(),
    summary: text("summary").notNull().default(""),
    hostingLocation: text("hosting_location").notNull().default(""),
    /** Auftragsverarbeitungsvertrag (Art. 28 DSGVO) offered; null = not stated. */
    avvAvailable: boolean("avv_available"),
    bsiC5: boolean("bsi_c5"),
    iso27001: boolean("iso_27001"),
    accessibility: text("accessibility").notNull().default(""),
    priceModel: text("price_model").notNull().default(""),
    referenceCustomers: text("reference_customers").notNull().default(""),
    position: integer("position").notNull().default(0),
    /** The proposal's own board-internal discussion, created with it (app/ratings/proposal-topic.server.ts). */
    discussionTopicId: integer("discussion_topic_id").references(() => topics.id, { onDelete: "restrict" }),
    ...timestamps(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('german', coalesce(title, '') || ' ' || coalesce(vendor, '')), 'A') || setweight(to_tsvector('german', coalesce(summary, '')), 'B')`,
      ),
  },
  (t) => [
    unique("rating_proposals_id_round_unique").on(t.id, t.roundId),
    unique("rating_proposals_round_title_unique").on(t.roundId, t.title),
    unique("rating_proposals_discussion_topic_unique").on(t.discussionTopicId),
    check("rating_proposals_title_length", sql`char_length(${t.title}) between 2 and 200`),
    check("rating_proposals_vendor_length", sql`char_length(${t.vendor}) between 2 and 200`),
    check("rating_proposals_summary_length", sql`char_length(${t.summary}) <= 20000`),
    check(
      "rating_proposals_facts_length",
      sql`char_length(${t.hostingLocation}) <= 500 and char_length(${t.accessibility}) <= 500 and char_length(${t.priceModel}) <= 500 and char_length(${t.referenceCustomers}) <= 500`,
    ),
    index("rating_proposals_round_idx").on(t.roundId, t.position, t.id),
    index("rating_proposals_search_idx").using("gin", t.search),
  ],
);

/** Weighted criterion; weights of a round sum to 100 when it opens (checked by trigger). */
export const ratingCriteria = pgTable(
  "rating_criteria",
  {
    id: identity(),
    roundId: requiredRef("round_id", () => ratingRounds.id, "cascade"),
    title: text("title").notNull(),
    /** What 0, 5 and 10 mean for this criterion (Bewertungsmaßstab). */
    scaleDescription: text("scale_description").notNull().default(""),
    weight: integer("weight").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("rating_criteria_id_round_unique").on(t.id, t.roundId),
    unique("rating_criteria_round_title_unique").on(t.roundId, t.title),
    check("rating_criteria_weight_range", sql`${t.weight} between 0 and 100`),
    check("rating_criteria_title_length", sql`char_length(${t.title}) between 2 and 120`),
    check("rating_criteria_scale_length", sql`char_length(${t.scaleDescription}) <= 2000`),
    index("rating_criteria_round_idx").on(t.roundId, t.position, t.id),
  ],
);

/** Ausschlusskriterium: a yes/no requirement; a proposal that fails one is excluded. */
export const ratingKnockouts = pgTable(
  "rating_knockouts",
  {
    id: identity(),
    roundId: requiredRef("round_id", () => ratingRounds.id, "cascade"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    unique("rating_knockouts_id_round_unique").on(t.id, t.roundId),
    unique("rating_knockouts_round_title_unique").on(t.roundId, t.title),
    check("rating_knockouts_title_length", sql`char_length(${t.title}) between 2 and 120`),
    check("rating_knockouts_description_length", sql`char_length(${t.description}) <= 2000`),
    index("rating_knockouts_round_idx").on(t.roundId),
  ],
);

/** The formal check of a proposal against a knock-out criterion, recorded by staff before opening. */
export const ratingKnockoutChecks = pgTable(
  "rating_knockout_checks",
  {
    roundId: integer("round_id").notNull(),
    proposalId: integer("proposal_id").notNull(),
    knockoutId: integer("knockout_id").notNull(),
    passed: boolean("passed").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [
    unique("rating_knockout_checks_unique").on(t.proposalId, t.knockoutId),
    sameRound("rating_knockout_checks_proposal_fk", [t.proposalId, t.roundId], ratingProposals),
    sameRound("rating_knockout_checks_knockout_fk", [t.knockoutId, t.roundId], ratingKnockouts),
    check("rating_knockout_checks_note_length", sql`char_length(${t.note}) <= 500`),
    index("rating_knockout_checks_round_idx").on(t.roundId),
  ],
);

/** One score per (rater, proposal, criterion); composite keys keep all three in one round. */
export const ratingScores = pgTable(
  "rating_scores",
  {
    id: identity(),
    roundId: integer("round_id").notNull(),
    proposalId: integer("proposal_id").notNull(),
    criterionId: integer("criterion_id").notNull(),
    raterId: requiredRef("rater_id", () => users.id, "restrict"),
    score: smallint("score").notNull(),
    reason: text("reason").notNull().default(""),
    ...timestamps(),
  },
  (t) => [
    unique("rating_scores_rater_proposal_criterion_unique").on(t.raterId, t.proposalId, t.criterionId),
    sameRound("rating_scores_proposal_fk", [t.proposalId, t.roundId], ratingProposals),
    sameRound("rating_scores_criterion_fk", [t.criterionId, t.roundId], ratingCriteria),
    check("rating_scores_score_range", sql`${t.score} between 0 and 10`),
    check("rating_scores_reason_length", sql`char_length(${t.reason}) <= 4000`),
    check("rating_scores_reason_required", sql`${t.score} between 3 and 8 or char_length(btrim(${t.reason})) > 0`),
    index("rating_scores_round_rater_idx").on(t.roundId, t.raterId),
    index("rating_scores_proposal_criterion_idx").on(t.proposalId, t.criterionId),
  ],
);

/** Befangenheit: the rater cannot score the proposal; their scores for it are removed. */
export const ratingRecusals = pgTable(
  "rating_recusals",
  {
    id: identity(),
    roundId: integer("round_id").notNull(),
    proposalId: integer("proposal_id").notNull(),
    raterId: requiredRef("rater_id", () => users.id, "restrict"),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("rating_recusals_rater_proposal_unique").on(t.raterId, t.proposalId),
    sameRound("rating_recusals_proposal_fk", [t.proposalId, t.roundId], ratingProposals),
    check("rating_recusals_reason_length", sql`char_length(btrim(${t.reason})) between 3 and 2000`),
    index("rating_recusals_round_idx").on(t.roundId, t.raterId),
  ],
);
