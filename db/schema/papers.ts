import { sql, type SQL } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { actorRef } from "./accounts";
import { createdAt, htmlStamp, identity, renderedHtml, requiredRef, timestamps, tsvector } from "./columns";
import { councilMeetings } from "./oparl";

/** OParl Paper.paperType, as the council uses them. */
export const PAPER_TYPES = ["Antrag", "Stellungnahme", "Beschlussvorlage", "Mitteilung", "Anfrage"] as const;
export type PaperType = (typeof PAPER_TYPES)[number];

/** OParl Consultation.role. */
export const CONSULTATION_ROLES = ["vorberatung", "entscheidung", "kenntnisnahme"] as const;
export type ConsultationRole = (typeof CONSULTATION_ROLES)[number];

/** The result boxes on the council's own paper form. */
export const CONSULTATION_RESULTS = [
  "einstimmig",
  "mehrheitlich",
  "kenntnis",
  "abgelehnt",
  "verworfen",
  "vertagt",
  "ohne_be",
  "abgesetzt",
  "geaendert",
] as const;
export type ConsultationResult = (typeof CONSULTATION_RESULTS)[number];
/** Results reached by a vote; only these may carry counts. */
export const VOTED_RESULTS = ["einstimmig", "mehrheitlich", "geaendert", "abgelehnt", "verworfen"] as const;

export const PAPER_REFERENCE_PATTERN = "^[A-Z]{2}/[0-9]{4}/[0-9]{4}$";

const inList = (column: SQL | unknown, values: readonly string[]) => sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;

/** Council bodies (OParl Organization): Stadtrat, Ausschüsse, Beiräte. Data, not code. */
export const organizations = pgTable(
  "organizations",
  {
    id: identity(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    /** OParl Organization.classification, e.g. "Rat", "Ausschuss", "Beirat". */
    classification: text("classification").notNull(),
    /** OParl id (URL) of the source object when imported from the city's RIS. */
    oparlSourceId: text("oparl_source_id"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("organizations_oparl_source_idx").on(t.oparlSourceId),
    uniqueIndex("organizations_name_idx").on(t.name),
    uniqueIndex("organizations_short_name_idx").on(t.shortName),
    check("organizations_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check("organizations_short_name_format", sql`${t.shortName} ~ '^[a-z0-9-]+$'`),
  ],
);

export const papers = pgTable(
  "papers",
  {
    id: identity(),
    /** "AT/0014/2025": type code / running number / year. */
    reference: text("reference").notNull(),
    paperType: text("paper_type").$type<PaperType>().notNull(),
    /** Betreff. */
    name: text("name").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    /** Verfasser: a faction or an office, e.g. "AfD-Ratsfraktion", "10-Amt für Personal und Organisation". */
    originator: text("originator").notNull(),
    /** Dezernat, e.g. "Dezernat 1". */
    underDirectionOf: text("under_direction_of"),
    /** Aktenzeichen (Az.). */
    fileNumber: text("file_number"),
    /** Markdown. */
    body: text("body").notNull().default(""),
    /** Beschlussempfehlung, Markdown. */
    resolutionRecommendation: text("resolution_recommendation"),
    bodyHtml: renderedHtml("body_html"),
    resolutionRecommendationHtml: renderedHtml("resolution_recommendation_html"),
    htmlStamp: htmlStamp(),
    isPublic: boolean("is_public").notNull().default(true),
    createdById: actorRef("created_by_id"),
    /** Imported from the city's RIS: the source object's OParl id (URL); see db/schema/oparl.ts. */
    oparlSourceId: text("oparl_source_id"),
    /** The source object's `web` page in the RIS. */
    oparlSourceWeb: text("oparl_source_web"),
    /** The source object's `modified` as last imported ("Stand"). */
    oparlSourceModified: timestamp("oparl_source_modified", { withTimezone: true }),
    /** The source listed the object as deleted: hidden, recommendations citing it say so. */
    oparlSourceDeletedAt: timestamp("oparl_source_deleted_at", { withTimezone: true }),
    ...timestamps(),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`to_tsvector('german', ${papers.reference} || ' ' || ${papers.name} || ' ' || ${papers.originator} || ' ' || ${papers.body} || ' ' || coalesce(${papers.resolutionRecommendation}, ''))`,
      ),
  },
  (t) => [
    uniqueIndex("papers_reference_idx").on(t.reference),
    uniqueIndex("papers_oparl_source_idx").on(t.oparlSourceId),
    // Imported papers keep the RIS's own reference scheme and paper types (stored as text).
    check(
      "papers_reference_format",
      sql`${t.reference} ~ '^[A-Z]{2}/[0-9]{4}/[0-9]{4}$' or (${t.oparlSourceId} is not null and length(btrim(${t.reference})) between 1 and 100)`,
    ),
    check(
      "papers_paper_type_check",
      sql`${inList(t.paperType, PAPER_TYPES)} or (${t.oparlSourceId} is not null and length(btrim(${t.paperType})) between 1 and 200)`,
    ),
    check("papers_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check("papers_originator_not_blank", sql`length(btrim(${t.originator})) > 0`),
    index("papers_date_idx").on(t.date.desc(), t.id.desc()),
    index("papers_type_date_idx").on(t.paperType, t.date.desc()),
    index("papers_search_idx").using("gin", t.searchVector),
  ],
);

/** OParl Paper.relatedPaper: e.g. a Stellungnahme (paper) answers an Antrag (related paper). */
export const paperRelations = pgTable(
  "paper_relations",
  {
    paperId: requiredRef("paper_id", () => papers.id, "cascade"),
    relatedPaperId: requiredRef("related_paper_id", () => papers.id, "cascade"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.paperId, t.relatedPaperId] }),
    check("paper_relations_not_self", sql`${t.paperId} <> ${t.relatedPaperId}`),
    // One relation per pair, whichever way round it was recorded.
    uniqueIndex("paper_relations_pair_idx").on(sql`least(${t.paperId}, ${t.relatedPaperId})`, sql`greatest(${t.paperId}, ${t.relatedPaperId})`),
    index("paper_relations_related_idx").on(t.relatedPaperId),
  ],
);

/** A step of the Gremienweg (OParl Consultation). */
export const consultations = pgTable(
  "consultations",
  {
    id: identity(),
    paperId: requiredRef("paper_id", () => papers.id, "cascade"),
    organizationId: requiredRef("organization_id", () => organizations.id, "restrict"),
    /** Order within the paper's Gremienweg. */
    position: integer("position").notNull(),
    /** Date of the session; null while not yet scheduled. */
    date: date("date", { mode: "string" }),
    /** TOP number in that body's session, e.g. "7" or "7.1". */
    agendaItemNumber: text("agenda_item_number"),
    isPublic: boolean("is_public").notNull().default(true),
    role: text("role").$type<ConsultationRole>().notNull(),
    result: text("result").$type<ConsultationResult>(),
    countYes: integer("count_yes"),
    /** Gegenstimmen. */
    countNo: integer("count_no"),
    /** Enthaltungen. */
    countAbstention: integer("count_abstention"),
    /** Imported: the source Consultation's OParl id, its council meeting, and its raw role/result text. */
    oparlSourceId: text("oparl_source_id"),
    councilMeetingId: integer("council_meeting_id").references(() => councilMeetings.id, { onDelete: "set null" }),
    roleText: text("role_text"),
    resultText: text("result_text"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("consultations_oparl_source_idx").on(t.oparlSourceId),
    index("consultations_council_meeting_idx").on(t.councilMeetingId),
    uniqueIndex("consultations_paper_position_idx").on(t.paperId, t.position),
    index("consultations_organization_idx").on(t.organizationId, t.paperId),
    check("consultations_position_positive", sql`${t.position} > 0`),
    check("consultations_role_check", inList(t.role, CONSULTATION_ROLES)),
    check("consultations_result_check", sql`${t.result} is null or ${inList(t.result, CONSULTATION_RESULTS)}`),
    check(
      "consultations_counts_non_negative",
      sql`coalesce(${t.countYes}, 0) >= 0 and coalesce(${t.countNo}, 0) >= 0 and coalesce(${t.countAbstention}, 0) >= 0`,
    ),
    check("consultations_result_needs_date", sql`${t.result} is null or ${t.date} is not null`),
    check(
      "consultations_counts_need_voted_result",
      sql`(${t.countYes} is null and ${t.countNo} is null and ${t.countAbstention} is null) or coalesce(${inList(t.result, VOTED_RESULTS)}, false)`,
    ),
    check("consultations_unanimous_no_against", sql`${t.result} <> 'einstimmig' or coalesce(${t.countNo}, 0) = 0`),
    check(
      "consultations_majority_counts",
      sql`${t.result} not in ('mehrheitlich', 'geaendert') or ${t.countYes} is null or ${t.countYes} > coalesce(${t.countNo}, 0)`,
    ),
    check(
      "consultations_rejected_counts",
      sql`${t.result} not in ('abgelehnt', 'verworfen') or ${t.countYes} is null or ${t.countNo} is null or ${t.countNo} >= ${t.countYes}`,
    ),
    check(
      "consultations_agenda_number_format",
      sql`${t.agendaItemNumber} is null or ${t.agendaItemNumber} ~ '^[0-9]+[a-z]?(\\.[0-9]+[a-z]?)*$' or (${t.oparlSourceId} is not null and length(${t.agendaItemNumber}) <= 50)`,
    ),
  ],
);
