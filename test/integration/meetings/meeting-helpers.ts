import { db } from "../../../db/client.server";
import { agendaItems, meetings } from "../../../db/schema";

/** A meeting straight in the DB (bypassing the form), for tests that are about something else. */
export async function insertMeeting(overrides: Partial<typeof meetings.$inferInsert> = {}) {
  const start = overrides.start ?? new Date(Date.now() + 7 * 86_400_000);
  const [row] = await db
    .insert(meetings)
    .values({ name: "Testsitzung des Digitalbeirats", start, end: new Date(start.getTime() + 2 * 3_600_000), ...overrides })
    .returning();
  return row;
}

export async function insertItems(
  meetingId: number,
  items: { number: string; name: string; isPublic?: boolean; description?: string; minutes?: string; result?: string }[],
) {
  return db
    .insert(agendaItems)
    .values(items.map((item, index) => ({ meetingId, position: index + 1, ...item })))
    .returning();
}

export function form(values: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
