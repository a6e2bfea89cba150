import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { actorRef } from "./accounts";
import { identity, requiredRef, timestamps, updatedAt } from "./columns";
import { organizations } from "./papers";

/**
 * OParl 1.1 both ways (docs/decisions/080–084).
 * Export: objects that left the public set (deleted, made non-public, consent withdrawn) keep a
 * tombstone here, written by triggers (db/sql/oparl-export.sql), so `modified_since` lists can
 * report them as `deleted: true` and their URLs keep answering.
 * Import: the city's council meetings (not board meetings), their agenda items as far as the
 * Gremienweg needs them, the admin's source setting, the run log and the per-list cursors.
 */

export const OPARL_TOMBSTONE_TYPES = ["paper", "consultation", "meeting", "agendaItem", "organization", "person", "membership", "location", "file"] as const;
export type OparlTombstoneType = (typeof OPARL_TOMBSTONE_TYPES)[number];

export const oparlTombstones = pgTable(
  "oparl_tombstones",
  {
    id: identity(),
    objectType: text("object_type").$type<OparlTombstoneType>().notNull(),
    /** The last path segment of the object's URL, e.g. "12" or "em-3". */
    objectKey: text("object_key").notNull(),
    /** The object's own `created`, kept as the spec requires. */
    objectCreatedAt: timestamp("object_created_at", { withTimezone: true }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("oparl_tombstones_object_idx").on(t.objectType, t.objectKey), index("oparl_tombstones_deleted_idx").on(t.objectType, t.deletedAt, t.id)],
);

/** A meeting of a council body, imported with the papers; never a board meeting. */
export const councilMeetings = pgTable(
  "council_meetings",
  {
    id: identity(),
    oparlSourceId: text("oparl_source_id").notNull(),
    oparlSourceWeb: text("oparl_source_web"),
    oparlSourceModified: timestamp("oparl_source_modified", { withTimezone: true }),
    organizationId: integer("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    start: timestamp("start", { withTimezone: true }),
    end: timestamp("end", { withTimezone: true }),
    location: text("location"),
    cancelled: boolean("cancelled").notNull().default(false),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("council_meetings_source_idx").on(t.oparlSourceId),
    index("council_meetings_start_idx").on(t.start, t.id),
    check("council_meetings_name_length", sql`length(btrim(${t.name})) between 1 and 500`),
  ],
);

/** The parts of a council agenda item the Gremienweg shows: its number, result and publicity. */
export const councilAgendaItems = pgTable(
  "council_agenda_items",
  {
    id: identity(),
    oparlSourceId: text("oparl_source_id").notNull(),
    councilMeetingId: requiredRef("council_meeting_id", () => councilMeetings.id, "cascade"),
    /** The source AgendaItem.consultation (URL), to find the Gremienweg step it belongs to. */
    consultationSourceId: text("consultation_source_id"),
    number: text("number"),
    name: text("name"),
    isPublic: boolean("is_public").notNull().default(true),
    result: text("result"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("council_agenda_items_source_idx").on(t.oparlSourceId), index("council_agenda_items_consultation_idx").on(t.consultationSourceId)],
);

/** The admin's choice of source (one row); OPARL_SOURCE_URL in the environment wins over it. */
export const oparlImportSettings = pgTable(
  "oparl_import_settings",
  {
    id: integer("id").primaryKey().default(1),
    systemUrl: text("system_url").notNull(),
    /** Which Body of that System to follow; null = the first one. */
    bodyUrl: text("body_url"),
    updatedById: actorRef("updated_by_id"),
    updatedAt: updatedAt(),
  },
  (t) => [check("oparl_import_settings_single_row", sql`${t.id} = 1`)],
);

export const OPARL_RUN_STATES = ["queued", "running", "succeeded", "failed"] as const;
export type OparlRunState = (typeof OPARL_RUN_STATES)[number];
export type OparlRunCounts = Record<string, { created: number; updated: number; unchanged: number; deleted: number; refused: number }>;
export type OparlRunProblem = { list: string; id?: string; reason: string };

/**
 * One sync with the RIS. A queued row is the job (the button and the hourly schedule insert
 * one); the partial unique index lets only one run be running across all processes.
 */
export const oparlSyncRuns = pgTable(
  "oparl_sync_runs",
  {
    id: identity(),
    state: text("state").$type<OparlRunState>().notNull().default("queued"),
    trigger: text("trigger").$type<"manual" | "schedule">().notNull(),
    requestedById: actorRef("requested_by_id"),
    sourceUrl: text("source_url"),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    counts: jsonb("counts").$type<OparlRunCounts>().notNull().default({}),
    problems: jsonb("problems").$type<OparlRunProblem[]>().notNull().default([]),
    error: text("error"),
  },
  (t) => [
    uniqueIndex("oparl_sync_runs_one_running_idx")
      .on(t.state)
      .where(sql`${t.state} = 'running'`),
    index("oparl_sync_runs_queued_idx").on(t.state, t.id),
    check("oparl_sync_runs_state_check", sql`${t.state} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);

/**
 * Where each source list stands. `since` is the modified_since of the next walk (the start of
 * the last complete one); `resumeUrl` is the next unprocessed page of an interrupted walk,
 * `walkStartedAt` when that walk began (it becomes `since` once the walk completes).
 */
export const oparlSyncCursors = pgTable("oparl_sync_cursors", {
  listUrl: text("list_url").primaryKey(),
  since: timestamp("since", { withTimezone: true }),
  resumeUrl: text("resume_url"),
  walkStartedAt: timestamp("walk_started_at", { withTimezone: true }),
  updatedAt: updatedAt(),
});
