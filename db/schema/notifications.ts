import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { userRef } from "./accounts";
import { createdAt } from "./columns";

/** What can be followed. Rows of deleted objects are skipped at send time (no foreign key per type). */
export const FOLLOW_TYPES = ["topic", "recommendation", "paper", "meeting", "round", "commitment"] as const;
export type FollowType = (typeof FOLLOW_TYPES)[number];

export const NOTIFICATION_KINDS = [
  "comment.new",
  "comment.reply",
  "round.opened",
  "round.closing",
  "round.results",
  "vote.opened",
  "vote.closing",
  "vote.decided",
  "recommendation.published",
  "meeting.invitation",
  "minutes.released",
  "commitment.due",
  "commitment.overdue",
  "commitment.status",
  "council.decision",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const FREQUENCIES = ["sofort", "taeglich", "woechentlich", "aus"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Replaces topic_follows (kept, unused, until a later release drops it; its rows were copied). */
export const follows = pgTable(
  "follows",
  {
    userId: userRef(),
    objectType: text("object_type").$type<FollowType>().notNull(),
    objectId: integer("object_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "follows_pk", columns: [t.userId, t.objectType, t.objectId] }),
    index("follows_object_idx").on(t.objectType, t.objectId),
    check("follows_type_check", sql`${t.objectType} in ('topic', 'recommendation', 'paper', 'meeting', 'round', 'commitment')`),
  ],
);

/** A row only where the member chose differently from the role's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: userRef(),
    kind: text("kind").$type<NotificationKind>().notNull(),
    frequency: text("frequency").$type<Frequency>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "notification_preferences_pk", columns: [t.userId, t.kind] }),
    check("notification_preferences_frequency_check", sql`${t.frequency} in ('sofort', 'taeglich', 'woechentlich', 'aus')`),
  ],
);

/**
 * One line in a member's notification centre. Made only for readers who may see the object;
 * digests re-check that before a line goes out. `eventKey` makes an event once per reader.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: userRef(),
    kind: text("kind").$type<NotificationKind>().notNull(),
    objectType: text("object_type").notNull(),
    objectId: integer("object_id").notNull(),
    eventKey: text("event_key").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** Path below PORTAL_URL. */
    path: text("path").notNull(),
    /** The mail frequency chosen when the event happened; digests take their own. */
    frequency: text("frequency").$type<Frequency>().notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Set when a digest (or the immediate mail) carried it. */
    mailedAt: timestamp("mailed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_event_idx").on(t.userId, t.eventKey),
    index("notifications_user_idx").on(t.userId, t.createdAt.desc().nullsFirst()),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    // The retention job deletes read notifications by read_at.
    index("notifications_read_idx")
      .on(t.readAt)
      .where(sql`${t.readAt} is not null`),
    index("notifications_digest_idx")
      .on(t.frequency, t.createdAt)
      .where(sql`${t.mailedAt} is null`),
  ],
);
