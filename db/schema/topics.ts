import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { actorRef, userRef, users } from "./accounts";
import { createdAt, htmlStamp, identity, renderedHtml, requiredRef, timestamps, tsvector } from "./columns";

/** Limits shared by the schema checks and the form validation (README "Limits"). */
export const TOPIC_LIMITS = {
  titleMin: 3,
  titleMax: 200,
  bodyMax: 20_000,
  commentMax: 20_000,
  fieldNameMax: 80,
  hideReasonMax: 500,
} as const;

export const TOPIC_STATUSES = ["open", "closed"] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export const TOPIC_VISIBILITIES = ["internal", "public"] as const;
export type TopicVisibility = (typeof TOPIC_VISIBILITIES)[number];

/** Fields of action (Handlungsfelder): data, maintained by staff. */
export const topicFields = pgTable(
  "topic_fields",
  {
    id: identity(),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("topic_fields_name_lower_idx").on(sql`lower(${t.name})`),
    check("topic_fields_name_length", sql`char_length(${t.name}) between 2 and 80`),
  ],
);

export const topics = pgTable(
  "topics",
  {
    id: identity(),
    slug: text("slug").notNull().unique("topics_slug_unique"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    bodyHtml: renderedHtml("body_html"),
    htmlStamp: htmlStamp(),
    fieldId: requiredRef("field_id", () => topicFields.id, "restrict"),
    authorId: requiredRef("author_id", () => users.id, "restrict"),
    status: text("status").$type<TopicStatus>().notNull().default("open"),
    visibility: text("visibility").$type<TopicVisibility>().notNull().default("internal"),
    ...timestamps(),
    /** Creation or the newest comment: lists sort by it. */
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(sql`setweight(to_tsvector('german', coalesce(title, '')), 'A') || setweight(to_tsvector('german', coalesce(body, '')), 'B')`),
  },
  (t) => [
    check("topics_status_check", sql`${t.status} in ('open', 'closed')`),
    check("topics_visibility_check", sql`${t.visibility} in ('internal', 'public')`),
    check("topics_title_length", sql`char_length(${t.title}) between 3 and 200`),
    check("topics_body_length", sql`char_length(${t.body}) <= 20000`),
    check("topics_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    index("topics_visibility_activity_idx").on(t.visibility, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("topics_activity_idx").on(t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("topics_field_idx").on(t.fieldId),
    index("topics_search_idx").using("gin", t.search),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: identity(),
    topicId: requiredRef("topic_id", () => topics.id, "cascade"),
    parentId: integer("parent_id"),
    authorId: requiredRef("author_id", () => users.id, "restrict"),
    body: text("body").notNull(),
    bodyHtml: renderedHtml("body_html"),
    htmlStamp: htmlStamp(),
    createdAt: createdAt(),
    /** Set on every edit; null means never edited. */
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: actorRef("hidden_by_id"),
    hiddenReason: text("hidden_reason"),
    /** In a recommendation's discussion: the version of the draft the comment was written on. */
    recommendationVersion: integer("recommendation_version"),
    // These two generated columns let a foreign key enforce "one level of replies, same topic":
    // a reply's (parent_id, topic_id, true) must match a top-level comment's (id, topic_id, true).
    isTopLevel: boolean("is_top_level")
      .notNull()
      .generatedAlwaysAs(sql`parent_id is null`),
    parentMustBeTopLevel: boolean("parent_must_be_top_level").generatedAlwaysAs(sql`case when parent_id is null then null else true end`),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('german', coalesce(body, ''))`),
  },
  (t) => [
    unique("comments_id_topic_level_unique").on(t.id, t.topicId, t.isTopLevel),
    foreignKey({
      name: "comments_parent_top_level_fk",
      columns: [t.parentId, t.topicId, t.parentMustBeTopLevel],
      foreignColumns: [t.id, t.topicId, t.isTopLevel],
    }),
    check("comments_body_length", sql`char_length(${t.body}) between 1 and 20000`),
    check(
      "comments_hidden_has_reason",
      sql`(${t.hiddenAt} is null) = (${t.hiddenReason} is null) and char_length(coalesce(${t.hiddenReason}, 'x')) between 1 and 500`,
    ),
    index("comments_topic_created_idx").on(t.topicId, t.createdAt, t.id),
    index("comments_parent_idx").on(t.parentId),
    index("comments_author_idx").on(t.authorId),
    // The shown comments of a topic, counted on every topic list and topic page: an index-only
    // scan instead of a heap page per comment, which grew with the board (issue 15).
    index("comments_topic_shown_idx")
      .on(t.topicId)
      .where(sql`${t.deletedAt} is null and ${t.hiddenAt} is null`),
    index("comments_search_idx").using("gin", t.search),
    // Search takes the newest matches of a common word by walking this index (issue 7).
    index("comments_created_idx").on(t.createdAt.desc(), t.id.desc()),
  ],
);

/** Every version of a comment, the first one included; the newest equals comments.body. */
export const commentVersions = pgTable(
  "comment_versions",
  {
    id: identity(),
    commentId: requiredRef("comment_id", () => comments.id, "cascade"),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("comment_versions_comment_version_unique").on(t.commentId, t.version), check("comment_versions_version_positive", sql`${t.version} >= 1`)],
);

/** When a user last read a topic (recorded by a POST, never by a loader). */
export const topicReads = pgTable(
  "topic_reads",
  {
    userId: userRef(),
    topicId: requiredRef("topic_id", () => topics.id, "cascade"),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "topic_reads_pk", columns: [t.userId, t.topicId] }), index("topic_reads_topic_idx").on(t.topicId)],
);

/** Legacy: replaced by `follows` (db/schema/notifications.ts), rows copied by a migration; unused, dropped in a later release. */
export const topicFollows = pgTable(
  "topic_follows",
  {
    userId: userRef(),
    topicId: requiredRef("topic_id", () => topics.id, "cascade"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "topic_follows_pk", columns: [t.userId, t.topicId] }), index("topic_follows_topic_idx").on(t.topicId)],
);
