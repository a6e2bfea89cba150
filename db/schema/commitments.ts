import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { actorRef } from "./accounts";
import { createdAt, identity, linkTable, requiredRef, timestamps } from "./columns";
import { agendaItems, meetings } from "./meetings";
import { papers } from "./papers";
import { recommendations } from "./recommendations";
import { topics } from "./topics";

/** offen → in Arbeit → erledigt / nicht erledigt / überholt. */
export const COMMITMENT_STATUSES = ["offen", "in_arbeit", "erledigt", "nicht_erledigt", "ueberholt"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
/** Statuses in which a commitment still has a due date to keep. */
export const OPEN_COMMITMENT_STATUSES = ["offen", "in_arbeit"] as const;

/** A status change, the administration's report (staff), or a board member's comment (internal). */
export const COMMITMENT_ENTRY_KINDS = ["status", "update", "comment"] as const;
export type CommitmentEntryKind = (typeof COMMITMENT_ENTRY_KINDS)[number];

export const RECOMMENDATION_OUTCOMES = ["umgesetzt", "teilweise", "nicht_umgesetzt"] as const;
export type RecommendationOutcome = (typeof RECOMMENDATION_OUTCOMES)[number];

const statusList = COMMITMENT_STATUSES.map((s) => `'${s}'`).join(", ");

/**
 * A promise of the administration (Zusage), taken from a paper (and passage) or a meeting's
 * agenda item. `dueText` keeps the paper's own words („in den nächsten Wochen“), `dueDate` is
 * the date the board sets itself to check it. Status mirrors the newest status entry.
 */
export const commitments = pgTable(
  "commitments",
  {
    id: identity(),
    title: text("title").notNull(),
    /** What was promised, in the source's words where possible. */
    promise: text("promise").notNull(),
    /** Who promised: the office (Amt, Dezernat). */
    office: text("office").notNull(),
    sourcePaperId: integer("source_paper_id").references(() => papers.id, { onDelete: "set null" }),
    /** Where in the paper, e.g. „Abschnitt 1. Chatbots“. */
    sourcePassage: text("source_passage"),
    sourceMeetingId: integer("source_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    sourceAgendaItemId: integer("source_agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    dueText: text("due_text"),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").$type<CommitmentStatus>().notNull().default("offen"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Staff mark it public; it is shown only while its recommendation or paper is public too. */
    isPublic: boolean("is_public").notNull().default(false),
    createdById: actorRef("created_by_id"),
    ...timestamps(),
  },
  (t) => [
    check("commitments_status_check", sql`${t.status} in (${sql.raw(statusList)})`),
    check("commitments_title_length", sql`char_length(btrim(${t.title})) between 1 and 200`),
    check("commitments_promise_length", sql`char_length(btrim(${t.promise})) between 1 and 4000`),
    check("commitments_office_length", sql`char_length(btrim(${t.office})) between 1 and 200`),
    index("commitments_due_idx")
      .on(t.dueDate)
      .where(sql`${t.status} in ('offen', 'in_arbeit')`),
    index("commitments_source_paper_idx").on(t.sourcePaperId),
    index("commitments_source_meeting_idx").on(t.sourceMeetingId),
    index("commitments_status_changed_idx").on(t.statusChangedAt.desc()),
  ],
);

export const commitmentRecommendations = linkTable(
  "commitment_recommendations",
  { commitmentId: () => commitments.id },
  { recommendationId: () => recommendations.id },
  "commitment_recommendations_rec_idx",
);

export const commitmentTopics = linkTable("commitment_topics", { commitmentId: () => commitments.id }, { topicId: () => topics.id });

/** The dated history, append-only (a trigger refuses changes, see db/sql/commitment-entries-append-only.sql). */
export const commitmentEntries = pgTable(
  "commitment_entries",
  {
    id: identity(),
    commitmentId: requiredRef("commitment_id", () => commitments.id, "cascade"),
    kind: text("kind").$type<CommitmentEntryKind>().notNull(),
    fromStatus: text("from_status").$type<CommitmentStatus>(),
    toStatus: text("to_status").$type<CommitmentStatus>(),
    note: text("note").notNull(),
    /** Where the news comes from, e.g. „Mitteilung MI/0041/2025“, „HFA 20.03.2025, TOP 4“. */
    source: text("source"),
    authorId: actorRef("author_id"),
    createdAt: createdAt(),
  },
  (t) => [
    check("commitment_entries_kind_check", sql`${t.kind} in ('status', 'update', 'comment')`),
    check("commitment_entries_status_fields", sql`(${t.kind} = 'status') = (${t.toStatus} is not null)`),
    check("commitment_entries_to_status_check", sql`${t.toStatus} is null or ${t.toStatus} in (${sql.raw(statusList)})`),
    check("commitment_entries_note_length", sql`char_length(btrim(${t.note})) between 1 and 4000`),
    index("commitment_entries_commitment_idx").on(t.commitmentId, t.createdAt),
  ],
);

/** The board's final word on what became of a recommendation. */
export const recommendationOutcomes = pgTable(
  "recommendation_outcomes",
  {
    recommendationId: integer("recommendation_id")
      .primaryKey()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    outcome: text("outcome").$type<RecommendationOutcome>().notNull(),
    note: text("note").notNull().default(""),
    setById: actorRef("set_by_id"),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("recommendation_outcomes_outcome_check", sql`${t.outcome} in ('umgesetzt', 'teilweise', 'nicht_umgesetzt')`)],
);
