import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { meetingResponses, notificationPreferences } from "../../../db/schema";
import { updateMeeting, findMeeting } from "../../../app/meetings/meetings.server";
import { setMinutesReleased } from "../../../app/meetings/minutes.server";
import * as calendarRoute from "../../../app/routes/sitzungen.$id.kalender[.ics]";
import * as responseRoute from "../../../app/routes/sitzungen.$id.antwort";
import * as unsubscribe from "../../../app/routes/benachrichtigungen.abbestellen";
import { createUsersForAllRoles, createUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { header, linkIn, type ReceivedMail } from "../../support/smtp";
import { insertItems, insertMeeting } from "../meetings/meeting-helpers";
import { parseIcs } from "../meetings/meeting-ics-parser";
import { drainJobs, PORTAL, useSmtpServer } from "../mail/helpers";
import { follow, inputOf } from "./helpers";

const server = useSmtpServer();

function icsOf(mail: ReceivedMail) {
  const file = mail.parsed.attachments.find((a) => a.filename?.endsWith(".ics"))!;
  expect(file.contentType).toBe("text/calendar");
  const calendar = parseIcs(file.content.toString("utf8"));
  const event = calendar.children.find((c) => c.type === "VEVENT")!;
  const prop = (name: string) => event.properties.find((p) => p.name === name)?.value;
  return {
    method: calendar.properties.find((p) => p.name === "METHOD")?.value,
    uid: prop("UID"),
    sequence: Number(prop("SEQUENCE")),
    status: prop("STATUS"),
    description: prop("DESCRIPTION") ?? "",
  };
}

describe("meeting invitations", () => {
  it("invites the board (council only when following) with agenda, Zusage/Absage links and an .ics; updates raise SEQUENCE; a cancellation is METHOD:CANCEL", async () => {
    const u = await createUsersForAllRoles();
    const silentCouncil = await createUser("council");
    const meeting = await insertMeeting({ name: "3. Sitzung des Digitalbeirats", locationRoom: "Ratssaal" });
    await insertItems(meeting.id, [
      { number: "1", name: "Begrüßung" },
      { number: "2", name: "Vertrauliche Vergabe Chatbot", isPublic: false },
    ]);
    await follow(u.council, "meeting", meeting.id);
    expect(
      (await updateMeeting({ actorId: u.staff.id, id: meeting.id, input: inputOf((await findMeeting({ id: meeting.id }))!, { state: "eingeladen" }) })).ok,
    ).toBe(true);
    await drainJobs(() => server.smtp.received.length >= 3);
    const to = (user: { email: string }) => server.smtp.received.filter((m) => m.envelopeTo[0] === user.email);
    const invited = [u.admin, u.expert, u.council].map((user) => to(user));
    expect(invited.every((list) => list.length === 1)).toBe(true);
    expect(to(u.staff)).toHaveLength(0); // the actor is not mailed about their own change
    expect(to(silentCouncil)).toHaveLength(0);

    const expertMail = to(u.expert)[0];
    const councilMail = to(u.council)[0];
    expect(expertMail.parsed.subject).toMatch(/^Einladung: 3\. Sitzung des Digitalbeirats am/);
    expect(expertMail.parsed.text).toContain("Vertrauliche Vergabe Chatbot");
    expect(councilMail.parsed.text).not.toContain("Vertrauliche Vergabe Chatbot");
    expect(councilMail.parsed.text).toContain("nicht öffentlicher Teil");
    expect(expertMail.parsed.html).toContain("Ratssaal");
    expect(header(expertMail, "list-unsubscribe")).toBeUndefined();

    const ics = icsOf(expertMail);
    expect(ics.method).toBe("REQUEST");
    expect(ics.sequence).toBe(0);
    const feed = await (
      await callRoute(calendarRoute.loader, `/sitzungen/${meeting.id}/kalender.ics`, { params: { id: String(meeting.id) }, user: u.expert })
    ).text();
    expect(feed).toContain(`UID:${ics.uid}`);
    expect(icsOf(councilMail).description).not.toContain("Vertrauliche");

    // Zusage through the signed link: GET only asks, POST records.
    const accept = linkIn(expertMail, `${PORTAL}/sitzungen/${meeting.id}/antwort?token=`);
    const url = new URL(accept);
    const token = url.searchParams.get("token")!;
    const confirm = await callRoute(responseRoute.loader, url.pathname + url.search, { params: { id: String(meeting.id) } });
    expect(confirm.status).toBe(200);
    expect(await db.select().from(meetingResponses)).toHaveLength(0);
    const tampered = await callRoute(responseRoute.action, url.pathname, {
      params: { id: String(meeting.id) },
      form: { token: token.replace(/.$/, (c) => (c === "A" ? "B" : "A")) },
    });
    expect(tampered.status).toBe(404);
    expect((await callRoute(responseRoute.action, url.pathname, { params: { id: String(meeting.id) }, form: { token } })).status).toBe(200);
    const [response] = await db.select().from(meetingResponses);
    expect(response).toMatchObject({ userId: u.expert.id, response: "zugesagt" });

    // A change of time sends an update with a higher SEQUENCE, same UID.
    const before = server.smtp.received.length;
    const current = (await findMeeting({ id: meeting.id }))!;
    const later = new Date(current.start.getTime() + 3_600_000);
    await updateMeeting({ actorId: u.staff.id, id: meeting.id, input: inputOf(current, { start: later, end: new Date(later.getTime() + 7_200_000) }) });
    await drainJobs(() => server.smtp.received.length >= before + 3);
    const update = server.smtp.received.slice(before).find((m) => m.envelopeTo[0] === u.expert.email)!;
    expect(update.parsed.subject).toMatch(/^Geändert:/);
    expect(icsOf(update)).toMatchObject({ method: "REQUEST", uid: ics.uid, sequence: 1 });
    expect(await (await callRoute(calendarRoute.loader, `/sitzungen/${meeting.id}/kalender.ics`, { params: { id: String(meeting.id) } })).text()).toContain(
      "SEQUENCE:1",
    );

    const beforeCancel = server.smtp.received.length;
    await updateMeeting({
      actorId: u.staff.id,
      id: meeting.id,
      input: inputOf((await findMeeting({ id: meeting.id }))!, { cancelled: true, cancellationReason: "Krankheit" }),
    });
    await drainJobs(() => server.smtp.received.length >= beforeCancel + 3);
    const cancel = server.smtp.received.slice(beforeCancel).find((m) => m.envelopeTo[0] === u.expert.email)!;
    expect(icsOf(cancel)).toMatchObject({ method: "CANCEL", uid: ics.uid, sequence: 2, status: "CANCELLED" });
  });

  it("announces released minutes, and the unsubscribe link turns off just that kind (GET changes nothing)", async () => {
    const u = await createUsersForAllRoles();
    const meeting = await insertMeeting({ name: "Sitzung mit Protokoll", state: "durchgefuehrt", start: new Date(Date.now() - 86_400_000) });
    await db.insert(notificationPreferences).values({ userId: u.expert.id, kind: "minutes.released", frequency: "sofort" });
    const before = server.smtp.received.length;
    expect((await setMinutesReleased({ actorId: u.staff.id, meetingId: meeting.id, released: true })).ok).toBe(true);
    await drainJobs(() => server.smtp.received.slice(before).some((m) => m.envelopeTo[0] === u.expert.email));
    const mail = server.smtp.received.slice(before).find((m) => m.envelopeTo[0] === u.expert.email)!;
    expect(mail.parsed.subject).toContain("Protokoll der Sitzung");
    const link = header(mail, "list-unsubscribe")!.slice(1, -1);
    const url = new URL(link);
    expect((await callRoute(unsubscribe.loader, url.pathname + url.search)).status).toBe(200);
    const prefs = () => db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, u.expert.id));
    expect((await prefs())[0].frequency).toBe("sofort");
    // RFC 8058 one-click: a POST to the same URL with List-Unsubscribe=One-Click, no session.
    const oneClick = await callRoute(unsubscribe.action, url.pathname + url.search, { form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status).toBe(200);
    const after = await prefs();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ kind: "minutes.released", frequency: "aus" });
    expect((await callRoute(unsubscribe.action, "/benachrichtigungen/abbestellen", { form: { token: "forged.token" } })).status).toBe(404);
  });
});
