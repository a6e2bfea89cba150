import { sql, type SQL } from "drizzle-orm";
import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { actorRef } from "./accounts";
import { createdAt, identity, requiredRef, timestamps, tsvector, updatedAt } from "./columns";
import { agendaItems, meetings } from "./meetings";
import { papers } from "./papers";
import { ratingProposals } from "./ratings";
import { recommendations } from "./recommendations";

/**
 * Documents (OParl File) on papers, meetings, agenda items, rating-round proposals and
 * recommendations. Contents live in the database in chunks (docs/decisions/092), so several
 * processes need no shared folder and every backup holds the files.
 */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return "bytea";
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});

export const DOCUMENT_OWNER_TYPES = ["paper", "meeting", "agendaItem", "proposal", "recommendation"] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];
/** Files of the portal itself, owned by no object: so far only the operator's DGS video. */
export const PORTAL_OWNER = "portal";
export type StoredOwnerType = DocumentOwnerType | typeof PORTAL_OWNER;

/** What a file is to its owner: OParl mainFile, invitation, resultsProtocol, or auxiliaryFile. */
export const DOCUMENT_ROLES = ["main", "invitation", "resultsProtocol", "auxiliary", "signLanguageVideo"] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/** An imported file: the source's URL and claims, and the state of the fetch job. */
export type ImportedFileSource = {
  url: string;
  fileName: string;
  modified: string | null;
  sha512: string | null;
  state: "pending" | "fetched" | "refused";
  reason?: string;
};

export const DOCUMENT_MIME_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/plain",
  "text/csv",
  /** Only for the portal's DGS video (docs/decisions/092); every other owner refuses video. */
  "video/mp4",
  "video/webm",
] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

/** pending: extraction queued; done: text found; none: no text layer or no text; failed: gave up. */
export const TEXT_STATES = ["pending", "done", "none", "failed"] as const;
export type TextState = (typeof TEXT_STATES)[number];

/** The bytes of one stored file; `complete` once the upload finished and a version points at it. */
export const documentContents = pgTable("document_contents", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  size: bigint("size", { mode: "number" }).notNull().default(0),
  chunkCount: integer("chunk_count").notNull().default(0),
  /** Bytes per chunk (all but the last); stored so the constant may change without breaking old files. */
  chunkSize: integer("chunk_size").notNull(),
  complete: boolean("complete").notNull().default(false),
  createdAt: createdAt(),
});

export const documentChunks = pgTable(
  "document_chunks",
  {
    contentId: bigint("content_id", { mode: "number" })
      .notNull()
      .references(() => documentContents.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.seq] })],
);

export const documents = pgTable(
  "documents",
  {
    id: identity(),
    ownerType: text("owner_type").$type<StoredOwnerType>().notNull(),
    paperId: integer("paper_id").references(() => papers.id, { onDelete: "cascade" }),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "cascade" }),
    proposalId: integer("proposal_id").references(() => ratingProposals.id, { onDelete: "cascade" }),
    recommendationId: integer("recommendation_id").references(() => recommendations.id, { onDelete: "cascade" }),
    role: text("role").$type<DocumentRole>().notNull().default("auxiliary"),
    label: text("label").notNull(),
    position: integer("position").notNull().default(0),
    currentVersion: integer("current_version").notNull().default(1),
    createdById: actorRef("created_by_id"),
    /** The RIS's OParl File id for files fetched by the importer. */
    importedFrom: text("imported_from"),
    /** What the RIS said about an imported file, and how fetching it went (oparl.fetch_file). */
    importSource: jsonb("import_source").$type<ImportedFileSource>(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedById: actorRef("deleted_by_id"),
    ...timestamps(),
  },
  (t) => [
    index("documents_paper_idx").on(t.paperId),
    index("documents_meeting_idx").on(t.meetingId),
    index("documents_agenda_item_idx").on(t.agendaItemId),
    index("documents_proposal_idx").on(t.proposalId),
    index("documents_recommendation_idx").on(t.recommendationId),
    index("documents_created_by_idx").on(t.createdById),
    uniqueIndex("documents_imported_from_idx").on(t.importedFrom),
    /** One live portal file per purpose: replacing adds a version, it never adds a second file. */
    uniqueIndex("documents_portal_role_idx")
      .on(t.role)
      .where(sql`${t.ownerType} = 'portal' and ${t.deletedAt} is null`),
    check("documents_owner_type_check", sql`${t.ownerType} in ('paper', 'meeting', 'agendaItem', 'proposal', 'recommendation', 'portal')`),
    check("documents_role_check", sql`${t.role} in ('main', 'invitation', 'resultsProtocol', 'auxiliary', 'signLanguageVideo')`),
    check(
      "documents_one_owner",
      sql`(${t.paperId} is not null)::int + (${t.meetingId} is not null)::int + (${t.agendaItemId} is not null)::int
        + (${t.proposalId} is not null)::int + (${t.recommendationId} is not null)::int = case when ${t.ownerType} = 'portal' then 0 else 1 end`,
    ),
    check(
      "documents_owner_matches",
      sql`case ${t.ownerType} when 'paper' then ${t.paperId} is not null when 'meeting' then ${t.meetingId} is not null
        when 'agendaItem' then ${t.agendaItemId} is not null when 'proposal' then ${t.proposalId} is not null
        when 'portal' then ${t.role} = 'signLanguageVideo' else ${t.recommendationId} is not null end`,
    ),
    check("documents_portal_role", sql`(${t.ownerType} = 'portal') = (${t.role} = 'signLanguageVideo')`),
    check("documents_label_length", sql`length(btrim(${t.label})) between 1 and 200`),
    check("documents_deleted_by", sql`${t.deletedAt} is not null or ${t.deletedById} is null`),
  ],
);

export const documentVersions = pgTable(
  "document_versions",
  {
    id: identity(),
    documentId: requiredRef("document_id", () => documents.id, "cascade"),
    version: integer("version").notNull(),
    contentId: bigint("content_id", { mode: "number" })
      .notNull()
      .references(() => documentContents.id),
    /** The uploader's file name, sanitised; for display and Content-Disposition only. */
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").$type<DocumentMimeType>().notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    /** Hex, 128 characters (OParl sha512Checksum). */
    sha512: text("sha512").notNull(),
    uploadedById: actorRef("uploaded_by_id"),
    createdAt: createdAt(),
    text: text("text"),
    textState: text("text_state").$type<TextState>().notNull().default("pending"),
    pages: integer("pages"),
    textUpdatedAt: updatedAt(),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('german', coalesce(${documentVersions.text}, ''))`),
  },
  (t) => [
    uniqueIndex("document_versions_document_version_idx").on(t.documentId, t.version),
    index("document_versions_uploaded_by_idx").on(t.uploadedById),
    index("document_versions_content_idx").on(t.contentId),
    index("document_versions_search_idx").using("gin", t.searchVector),
    check("document_versions_sha512", sql`${t.sha512} ~ '^[0-9a-f]{128}$'`),
    check("document_versions_size", sql`${t.size} >= 0`),
    check("document_versions_file_name", sql`length(${t.fileName}) between 1 and 255 and ${t.fileName} !~ '[\\x00-\\x1f/\\\\]'`),
    check("document_versions_text_state", sql`${t.textState} in ('pending', 'done', 'none', 'failed')`),
    check("document_versions_text_length", sql`${t.text} is null or length(${t.text}) <= 2000000`),
  ],
);
