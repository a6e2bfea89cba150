import { eq } from "drizzle-orm";
import { parseBerlinLocal, toBerlinLocalInput } from "../../app/lib/dates";
import type { Executor } from "../client.server";
import { agendaItems, meetingAttendees, meetings, papers, ratingRounds, topics } from "../schema";
import type { DemoUsers } from "./accounts";
import { MEETING_LOCATION, MEETINGS, type ItemStory, type MeetingStory } from "./meetings-story";
import { renderedColumns } from "../../app/server/markdown/stored.server";

function berlin(local: string) {
  const date = parseBerlinLocal(local);
  if (!date) throw new Error(`Ungültige Zeit in den Demodaten: ${local}`);
  return date;
}

/** Meetings still to come sit on the first Thursday at least `inDays` from today, 17:00. */
function startOf(story: MeetingStory, now: Date) {
  if (typeof story.start === "string") return berlin(story.start);
  const day = toBerlinLocalInput(new Date(now.getTime() + story.start.inDays * 86_400_000)).slice(0, 10);
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const thursday = new Date(Date.parse(`${day}T12:00:00Z`) + ((4 - weekday + 7) % 7) * 86_400_000);
  return berlin(`${thursday.toISOString().slice(0, 10)}T17:00`);
}

async function idOf(tx: Executor, kind: "topic" | "round" | "paper", key: string | undefined) {
  if (!key) return null;
  const [row] =
    kind === "topic"
      ? await tx.select({ id: topics.id }).from(topics).where(eq(topics.slug, key))
      : kind === "round"
        ? await tx.select({ id: ratingRounds.id }).from(ratingRounds).where(eq(ratingRounds.title, key))
        : await tx.select({ id: papers.id }).from(papers).where(eq(papers.reference, key));
  return row?.id ?? null;
}

async function itemValues(tx: Executor, meetingId: number, item: ItemStory, position: number) {
  return {
    meetingId,
    position,
    number: item.number,
    name: item.name,
    description: item.description ?? "",
    isPublic: item.isPublic ?? true,
    topicId: await idOf(tx, "topic", item.topicSlug),
    ratingRoundId: await idOf(tx, "round", item.roundTitle),
    paperId: await idOf(tx, "paper", item.paperReference),
    minutes: item.minutes ?? null,
    ...renderedColumns("plain", { descriptionHtml: item.description ?? "", minutesHtml: item.minutes ?? null }),
    result: item.result ?? null,
  };
}

async function seedMeeting(tx: Executor, story: MeetingStory, people: DemoUsers, now: Date) {
  const start = startOf(story, now);
  const [meeting] = await tx
    .insert(meetings)
    .values({
      name: story.name,
      start,
      end: new Date(start.getTime() + story.hours * 3_600_000),
      ...MEETING_LOCATION,
      state: "terminiert",
      createdById: people.staff,
    })
    .returning({ id: meetings.id });
  const items = [];
  for (const [index, item] of story.items.entries()) items.push(await itemValues(tx, meeting.id, item, index + 1));
  await tx.insert(agendaItems).values(items);
  // Held last: from then on the agenda is locked (db/sql/meeting-agenda-lock.sql).
  if (story.state === "durchgefuehrt") await recordHeld(tx, meeting.id, story, people);
  else await tx.update(meetings).set({ state: story.state }).where(eq(meetings.id, meeting.id));
}

async function recordHeld(tx: Executor, meetingId: number, story: MeetingStory, people: DemoUsers) {
  const present = story.attendees === "all" ? people.experts : (story.attendees ?? []).map((index) => people.experts[index]);
  if (present.length > 0) await tx.insert(meetingAttendees).values(present.map((userId) => ({ meetingId, userId })));
  const guests = story.guests ?? [];
  if (guests.length > 0) {
    await tx.insert(meetingAttendees).values(guests.map((guest) => ({ meetingId, guestName: guest.name, guestAffiliation: guest.affiliation })));
  }
  await tx
    .update(meetings)
    .set({
      state: "durchgefuehrt",
      minutesReleasedAt: story.released ? berlin(story.released) : null,
      minutesReleasedById: story.released ? people.staff : null,
    })
    .where(eq(meetings.id, meetingId));
}

/** The board's meetings: two held with released minutes, the vendor presentation still to come. */
export async function seedMeetings(tx: Executor, people: DemoUsers, now = new Date()) {
  for (const story of MEETINGS) await seedMeeting(tx, story, people, now);
}
