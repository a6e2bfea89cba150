import { sql, type SQL } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { actorRef, userRef, users } from "./accounts";
import { createdAt, htmlStamp, identity, renderedHtml, requiredRef, timestamps, tsvector, updatedAt } from "./columns";
import { papers } from "./papers";
import { ratingRounds } from "./ratings";
import { topics } from "./topics";

/**
 * Board meetings (OParl Meeting) and their agenda items (OParl AgendaItem). Once a meeting is
 * held (state "durchgefuehrt") its agenda is locked: a trigger in db/sql/meeting-agenda-lock.sql.
 */

export const MEETING_STATES = ["terminiert", "eingeladen", "durchgefuehrt"] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const AGENDA_NUMBER_PATTERN = /^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$/;

export const meetings = pgTable(
  "meetings",
  {
    id: identity(),
    name: text("name").notNull(),
    start: timestamp("start", { withTimezone: true }).notNull(),
    end: timestamp("end", { withTimezone: true }).notNull(),
    /** OParl Location.room / streetAddress. */
    locationRoom: text("location_room"),
    locationAddress: text("location_address"),
    state: text("state").$type<MeetingState>().notNull().default("terminiert"),
    cancelled: boolean("cancelled").notNull().default(false),
    cancellationReason: text("cancellation_reason"),
    minutesReleasedAt: timestamp("minutes_released_at", { withTimezone: true }),
    minutesReleasedById: actorRef("minutes_released_by_id"),
    /** iCalendar SEQUENCE: raised on every change of time, place, name or cancellation. */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    /** When the board was invited (state set to "eingeladen"); invitation mails go out once. */
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    createdById: actorRef("created_by_id"),
    ...timestamps(),
  },
  (t) => [
    index("meetings_start_idx").on(t.start, t.id),
    check("meetings_name_not_blank", sql`length(btrim(${t.name})) between 3 and 200`),
    check("meetings_end_after_start", sql`${t.end} > ${t.start}`),
    check("meetings_state_check", sql`${t.state} in ('terminiert', 'eingeladen', 'durchgefuehrt')`),
    check(
      "meetings_cancellation_reason",
      sql`(${t.cancelled} and length(btrim(coalesce(${t.cancellationReason}, ''))) > 0) or (not ${t.cancelled} and ${t.cancellationReason} is null)`,
    ),
    check("meetings_cancelled_not_held", sql`not (${t.cancelled} and ${t.state} = 'durchgefuehrt')`),
    check("meetings_minutes_after_held", sql`${t.minutesReleasedAt} is null or ${t.state} = 'durchgefuehrt'`),
  ],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: identity(),
    meetingId: requiredRef("meeting_id", () => meetings.id, "cascade"),
    /** "1", "2", "2.1". */
    number: text("number").notNull(),
    /** Sort order within the meeting. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    /** Markdown. */
    description: text("description").notNull().default(""),
    isPublic: boolean("is_public").notNull().default(true),
    topicId: integer("topic_id").references(() => topics.id, { onDelete: "set null" }),
    ratingRoundId: integer("rating_round_id").references(() => ratingRounds.id, { onDelete: "set null" }),
    paperId: integer("paper_id").references(() => papers.id, { onDelete: "set null" }),
    /** Minutes of this item (Markdown), written after the meeting. */
    minutes: text("minutes"),
    descriptionHtml: renderedHtml("description_html"),
    minutesHtml: renderedHtml("minutes_html"),
    htmlStamp: htmlStamp(),
    /** OParl AgendaItem.result, e.g. "Kenntnis genommen", "Empfehlung beschlossen". */
    result: text("result"),
    ...timestamps(),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        (): SQL => sql`setweight(to_tsvector('german', ${agendaItems.name}), 'A') || setweight(to_tsvector('german', ${agendaItems.description}), 'B')`,
      ),
  },
  (t) => [
    uniqueIndex("agenda_items_meeting_position_idx").on(t.meetingId, t.position),
    uniqueIndex("agenda_items_meeting_number_idx").on(t.meetingId, t.number),
    index("agenda_items_paper_idx").on(t.paperId),
    index("agenda_items_topic_idx").on(t.topicId),
    index("agenda_items_round_idx").on(t.ratingRoundId),
    index("agenda_items_search_idx").using("gin", t.searchVector),
    check("agenda_items_number_format", sql`${t.number} ~ '^[0-9]{1,3}(\\.[0-9]{1,3}){0,2}$'`),
    check("agenda_items_name_length", sql`length(btrim(${t.name})) between 2 and 300`),
    check("agenda_items_description_length", sql`length(${t.description}) <= 20000`),
    check("agenda_items_minutes_length", sql`${t.minutes} is null or length(${t.minutes}) <= 50000`),
  ],
);

/** Who attended: a board member (user) or a guest by name. */
export const meetingAttendees = pgTable(
  "meeting_attendees",
  {
    id: identity(),
    meetingId: requiredRef("meeting_id", () => meetings.id, "cascade"),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    guestName: text("guest_name"),
    /** For guests: organisation or function, e.g. "Softwareanbieter, Vertrieb". */
    guestAffiliation: text("guest_affiliation"),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "meeting_attendees_user_or_guest",
      sql`(${t.userId} is not null and ${t.guestName} is null and ${t.guestAffiliation} is null) or (${t.userId} is null and length(btrim(coalesce(${t.guestName}, ''))) > 0)`,
    ),
    uniqueIndex("meeting_attendees_user_idx").on(t.meetingId, t.userId),
    uniqueIndex("meeting_attendees_guest_idx").on(t.meetingId, sql`lower(${t.guestName})`),
  ],
);

/** Planned attendance (Zusage/Absage), set from the signed links in the invitation mail or the meeting page. */
export const MEETING_RESPONSES = ["zugesagt", "abgesagt"] as const;
export type MeetingResponse = (typeof MEETING_RESPONSES)[number];

export const meetingResponses = pgTable(
  "meeting_responses",
  {
    meetingId: requiredRef("meeting_id", () => meetings.id, "cascade"),
    userId: userRef(),
    response: text("response").$type<MeetingResponse>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("meeting_responses_pk_idx").on(t.meetingId, t.userId), check("meeting_responses_check", sql`${t.response} in ('zugesagt', 'abgesagt')`)],
);
