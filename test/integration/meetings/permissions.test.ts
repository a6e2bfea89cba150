import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { meetings } from "../../../db/schema";
import * as list from "../../../app/routes/sitzungen._index";
import * as feed from "../../../app/routes/sitzungen[.ics]";
import * as create from "../../../app/routes/sitzungen.neu";
import * as page from "../../../app/routes/sitzungen.$id._index";
import * as ics from "../../../app/routes/sitzungen.$id.kalender[.ics]";
import * as edit from "../../../app/routes/sitzungen.$id.bearbeiten";
import * as agenda from "../../../app/routes/sitzungen.$id.tagesordnung";
import * as minutes from "../../../app/routes/sitzungen.$id.protokoll";
import { createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { allRoles as all, expectOutcomes, ROLES, staffOnly, type Expectation, type RoleName } from "../../support/role-outcomes";
import { insertItems, insertMeeting } from "./meeting-helpers";

const SECRET = "Angebote und Preise der Anbieter";

let users: Record<RoleName, TestUser | null>;
const check = (call: (user: TestUser | null, role: RoleName) => Promise<Response>, expected: Expectation) => expectOutcomes(users, call, expected);
let openId: number;
let heldId: number;

const meetingForm = { name: "Sitzung aus der Matrix", start: "2030-05-02T17:00", end: "2030-05-02T19:00", state: "terminiert" };

beforeAll(async () => {
  users = await createUsersForAllRoles();
  openId = (await insertMeeting({ name: "Offene Sitzung" })).id;
  await insertItems(openId, [
    { number: "1", name: "Öffentlich" },
    { number: "2", name: SECRET, isPublic: false },
  ]);
  heldId = (await insertMeeting({ name: "Gehaltene Sitzung", start: new Date("2025-01-23T16:00:00Z") })).id;
  await insertItems(heldId, [{ number: "1", name: "Chatbot", minutes: "positiv" }]);
  await db.update(meetings).set({ state: "durchgefuehrt" }).where(eq(meetings.id, heldId));
});

describe("reading meetings", () => {
  it("lists, pages and calendars are open to everyone; unknown meetings are 404", async () => {
    await check((user) => callRoute(list.loader, "/sitzungen", { user }), all(200));
    await check((user) => callRoute(list.loader, "/sitzungen?zeit=vergangen&seite=2", { user }), all(200));
    await check((user) => callRoute(feed.loader, "/sitzungen.ics", { user }), all(200));
    await check((user) => callRoute(page.loader, `/sitzungen/${openId}`, { user, params: { id: String(openId) } }), all(200));
    await check((user) => callRoute(ics.loader, `/sitzungen/${openId}/kalender.ics`, { user, params: { id: String(openId) } }), all(200));
    for (const id of ["999999", "abc", "0", "99999999999"]) {
      await check((user) => callRoute(page.loader, `/sitzungen/${id}`, { user, params: { id } }), all(404));
      await check((user) => callRoute(ics.loader, `/sitzungen/${id}/kalender.ics`, { user, params: { id } }), all(404));
    }
  });

  it("shows non-public items to the board only (page data and .ics)", async () => {
    const seen: Record<string, boolean> = {};
    for (const role of ROLES) {
      const html = await (await callRoute(page.loader, `/sitzungen/${openId}`, { user: users[role], params: { id: String(openId) } })).text();
      const cal = await (await callRoute(ics.loader, `/sitzungen/${openId}/kalender.ics`, { user: users[role], params: { id: String(openId) } })).text();
      seen[role] = html.includes(SECRET) && cal.replace(/\r\n /g, "").includes(SECRET);
      if (!seen[role]) expect(html.includes(SECRET) || cal.includes(SECRET), role).toBe(false);
    }
    expect(seen).toEqual({ admin: true, staff: true, expert: true, council: false, visitor: false });
  });
});

describe("managing meetings", () => {
  it("create: form and action for staff and admins only", async () => {
    await check((user) => callRoute(create.loader, "/sitzungen/neu", { user }), staffOnly(200));
    await check((user) => callRoute(create.action, "/sitzungen/neu", { user, form: meetingForm }), staffOnly(302));
  });

  it("edit: form and action for staff and admins only", async () => {
    const params = { id: String(openId) };
    await check((user) => callRoute(edit.loader, `/sitzungen/${openId}/bearbeiten`, { user, params }), staffOnly(200));
    await check((user) => callRoute(edit.action, `/sitzungen/${openId}/bearbeiten`, { user, params, form: meetingForm }), staffOnly(302));
    await check((user) => callRoute(edit.loader, "/sitzungen/424242/bearbeiten", { user, params: { id: "424242" } }), staffOnly(404));
  });

  it("agenda: form and every intent for staff and admins only", async () => {
    const params = { id: String(openId) };
    const path = `/sitzungen/${openId}/tagesordnung`;
    await check((user) => callRoute(agenda.loader, path, { user, params }), staffOnly(200));
    await check(
      (user, role) =>
        callRoute(agenda.action, path, { user, params, form: { intent: "add", number: String(10 + ROLES.indexOf(role)), name: `TOP von ${role}` } }),
      staffOnly(302),
    );
    const [first] = await db.query.agendaItems.findMany({ where: (a, { eq: is }) => is(a.meetingId, openId), orderBy: (a, { asc }) => asc(a.position) });
    await check((user) => callRoute(agenda.action, path, { user, params, form: { intent: "down", itemId: String(first.id) } }), staffOnly(302));
    await check((user) => callRoute(agenda.action, path, { user, params, form: { intent: "bogus" } }), { ...staffOnly(400) });
  });

  it("minutes and attendance: for staff and admins only, once held", async () => {
    const params = { id: String(heldId) };
    const path = `/sitzungen/${heldId}/protokoll`;
    await check((user) => callRoute(minutes.loader, path, { user, params }), staffOnly(200));
    await check((user) => callRoute(minutes.action, path, { user, params, form: { intent: "release" } }), staffOnly(302));
    await check((user, role) => callRoute(minutes.action, path, { user, params, form: { intent: "guest", guestName: `Gast ${role}` } }), staffOnly(302));
    await check(
      (user) => callRoute(minutes.action, `/sitzungen/${openId}/protokoll`, { user, params: { id: String(openId) }, form: { intent: "release" } }),
      staffOnly(409),
    );
  });
});
