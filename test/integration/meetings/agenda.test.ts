import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { agendaItems, meetings, papers } from "../../../db/schema";
import * as agendaRoute from "../../../app/routes/sitzungen.$id.tagesordnung";
import * as minutesRoute from "../../../app/routes/sitzungen.$id.protokoll";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { insertItems, insertMeeting } from "./meeting-helpers";

async function numbersInOrder(meetingId: number) {
  const rows = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
  return rows.map((row) => row.number);
}

function agendaCall(meetingId: number) {
  const path = `/sitzungen/${meetingId}/tagesordnung`;
  const params = { id: String(meetingId) };
  return (user: Awaited<ReturnType<typeof createUser>>, form: Record<string, string>) => callRoute(agendaRoute.action, path, { user, params, form });
}

describe("agenda items", () => {
  it("adds items in order, links a paper by reference and refuses a duplicate number (409) or an unknown paper (422)", async () => {
    const staff = await createUser("staff");
    const meeting = await insertMeeting();
    const post = agendaCall(meeting.id);
    await db.insert(papers).values({ reference: "AT/0014/2025", paperType: "Antrag", name: "Chatbot", date: "2025-01-20", originator: "AfD-Ratsfraktion" });
    expect((await post(staff, { intent: "add", number: "1", name: "Begrüßung", isPublic: "on" })).status).toBe(302);
    expect((await post(staff, { intent: "add", number: "2", name: "Chatbot", paperReference: "AT/0014/2025", isPublic: "on" })).status).toBe(302);
    expect(await numbersInOrder(meeting.id)).toEqual(["1", "2"]);
    const [linked] = await db.select().from(agendaItems).where(eq(agendaItems.number, "2"));
    expect(linked.paperId).not.toBeNull();

    const duplicate = await post(staff, { intent: "add", number: "2", name: "Doppelt" });
    expect(duplicate.status).toBe(409);
    expect((await jsonOf(duplicate)).errors.number).toMatch(/schon vergeben/);
    const unknown = await post(staff, { intent: "add", number: "3", name: "Unbekannt", paperReference: "AT/9999/2025" });
    expect(unknown.status).toBe(422);
    expect((await jsonOf(unknown)).errors.paperReference).toBe("Diese Vorlage gibt es nicht.");
    const malformed = await post(staff, { intent: "add", number: "3a", name: "" });
    expect(malformed.status).toBe(422);
    expect(Object.keys((await jsonOf(malformed)).errors).sort()).toEqual(["name", "number"]);
    expect(await numbersInOrder(meeting.id)).toEqual(["1", "2"]);
  });

  it("moves items up and down without breaking the unique order, and leaves the edges alone", async () => {
    const staff = await createUser("staff");
    const meeting = await insertMeeting();
    const [one, two, three] = await insertItems(meeting.id, [
      { number: "1", name: "Eins" },
      { number: "2", name: "Zwei" },
      { number: "3", name: "Drei" },
    ]);
    const post = agendaCall(meeting.id);
    expect((await post(staff, { intent: "up", itemId: String(three.id) })).status).toBe(302);
    expect(await numbersInOrder(meeting.id)).toEqual(["1", "3", "2"]);
    await post(staff, { intent: "down", itemId: String(one.id) });
    expect(await numbersInOrder(meeting.id)).toEqual(["3", "1", "2"]);
    await post(staff, { intent: "down", itemId: String(two.id) });
    expect(await numbersInOrder(meeting.id)).toEqual(["3", "1", "2"]);
    await post(staff, { intent: "remove", itemId: String(one.id) });
    expect(await numbersInOrder(meeting.id)).toEqual(["3", "2"]);
    expect((await post(staff, { intent: "remove", itemId: String(one.id) })).status).toBe(404);
  });

  it("updates an item's title, visibility and links", async () => {
    const staff = await createUser("staff");
    const meeting = await insertMeeting();
    const [item] = await insertItems(meeting.id, [{ number: "1", name: "Alt" }]);
    const response = await agendaCall(meeting.id)(staff, { intent: "update", itemId: String(item.id), number: "1.1", name: "Neu", description: "**fett**" });
    expect(response.status).toBe(302);
    const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
    expect(row).toMatchObject({ number: "1.1", name: "Neu", description: "**fett**", isPublic: false });
  });

  it("locks the agenda once the meeting is held: 409 from the action, and the DB refuses it too", async () => {
    const staff = await createUser("staff");
    const meeting = await insertMeeting();
    const [item, other] = await insertItems(meeting.id, [
      { number: "1", name: "Eins" },
      { number: "2", name: "Zwei" },
    ]);
    await db.update(meetings).set({ state: "durchgefuehrt" }).where(eq(meetings.id, meeting.id));
    const post = agendaCall(meeting.id);
    for (const form of [
      { intent: "add", number: "3", name: "Nachtrag" },
      { intent: "update", itemId: String(item.id), number: "1", name: "Geändert" },
      { intent: "remove", itemId: String(item.id) },
      { intent: "up", itemId: String(other.id) },
    ]) {
      const response = await post(staff, form as Record<string, string>);
      expect(response.status, form.intent).toBe(409);
      expect((await jsonOf(response)).errors.form).toMatch(/durchgeführt/);
    }
    expect(await numbersInOrder(meeting.id)).toEqual(["1", "2"]);
    await expect(db.update(agendaItems).set({ name: "Direkt" }).where(eq(agendaItems.id, item.id))).rejects.toThrow();
    await expect(db.delete(agendaItems).where(eq(agendaItems.id, item.id))).rejects.toThrow();
    await expect(insertItems(meeting.id, [{ number: "9", name: "Direkt" }])).rejects.toThrow();
    // minutes and results still change
    await db.update(agendaItems).set({ minutes: "Protokoll", result: "Kenntnis genommen" }).where(eq(agendaItems.id, item.id));
  });

  it("takes minutes and results only after the meeting is held", async () => {
    const staff = await createUser("staff");
    const meeting = await insertMeeting();
    const [item] = await insertItems(meeting.id, [{ number: "1", name: "Chatbot" }]);
    const path = `/sitzungen/${meeting.id}/protokoll`;
    const params = { id: String(meeting.id) };
    const early = await callRoute(minutesRoute.action, path, { user: staff, params, form: { intent: "minutes", itemId: String(item.id), minutes: "Zu früh" } });
    expect(early.status).toBe(409);
    await db.update(meetings).set({ state: "durchgefuehrt" }).where(eq(meetings.id, meeting.id));
    const saved = await callRoute(minutesRoute.action, path, {
      user: staff,
      params,
      form: { intent: "minutes", itemId: String(item.id), minutes: "Grundsätzlich positiv bewertet.", result: "Empfehlung: weiterverfolgen" },
    });
    expect(saved.status).toBe(302);
    const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
    expect(row).toMatchObject({ minutes: "Grundsätzlich positiv bewertet.", result: "Empfehlung: weiterverfolgen" });
  });
});
