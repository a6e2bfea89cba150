import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { meetingAttendees, meetings } from "../../../db/schema";
import * as meetingPage from "../../../app/routes/sitzungen.$id._index";
import * as meetingIcs from "../../../app/routes/sitzungen.$id.kalender[.ics]";
import * as feed from "../../../app/routes/sitzungen[.ics]";
import * as minutesRoute from "../../../app/routes/sitzungen.$id.protokoll";
import { createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { insertItems, insertMeeting } from "./meeting-helpers";

const SECRET = "Vertrauliche Preisangebote der Anbieter";
const SECRET_MINUTES = "Anbieter B liegt 20 % unter Anbieter A";
let users: Awaited<ReturnType<typeof createUsersForAllRoles>>;
let upcomingId: number;
let heldId: number;

beforeAll(async () => {
  users = await createUsersForAllRoles();
  const upcoming = await insertMeeting({ name: "Kommende Sitzung", start: new Date(Date.now() + 86_400_000) });
  upcomingId = upcoming.id;
  await insertItems(upcomingId, [
    { number: "1", name: "Vorstellung Chatbot", description: "Ein Softwareanbieter stellt vor." },
    { number: "2", name: SECRET, isPublic: false, description: "Angebote im Detail" },
  ]);
  const held = await insertMeeting({ name: "Durchgeführte Sitzung", start: new Date(Date.now() - 10 * 86_400_000), state: "terminiert" });
  heldId = held.id;
  await insertItems(heldId, [
    { number: "1", name: "Chatbot-KI", minutes: "Grundsätzlich positiv bewertet.", result: "Kenntnis genommen" },
    { number: "2", name: "Preisvergleich", isPublic: false, minutes: SECRET_MINUTES, result: "vertraulich" },
  ]);
  await db.update(meetings).set({ state: "durchgefuehrt" }).where(eq(meetings.id, heldId));
  await db.insert(meetingAttendees).values({ meetingId: heldId, userId: users.expert.id });
});

const roles = ["admin", "staff", "expert", "council", "visitor"] as const;
const board = new Set(["admin", "staff", "expert"]);
const userFor = (role: (typeof roles)[number]): TestUser | null => users[role];

describe("non-public agenda items", () => {
  it.each(roles)("are %s-appropriate in the meeting page's data", async (role) => {
    const response = await callRoute(meetingPage.loader, `/sitzungen/${upcomingId}`, { user: userFor(role), params: { id: String(upcomingId) } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.items.map((i: { number: string }) => i.number)).toEqual(["1", "2"]);
    expect(data.items[0].name).toBe("Vorstellung Chatbot");
    if (board.has(role)) {
      expect(data.items[1].name).toBe(SECRET);
    } else {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("Angebote im Detail");
      expect(data.items[1]).toMatchObject({ visible: false, name: null, descriptionHtml: null });
    }
  });

  it.each(roles)("are %s-appropriate in the calendar feed and the meeting's .ics", async (role) => {
    for (const [loader, path, params] of [
      [feed.loader, "/sitzungen.ics", {}],
      [meetingIcs.loader, `/sitzungen/${upcomingId}/kalender.ics`, { id: String(upcomingId) }],
    ] as const) {
      const response = await callRoute(loader, path, { user: userFor(role), params });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/calendar/);
      const body = (await response.text()).replace(/\r\n /g, "");
      expect(body).toContain("TOP 1: Vorstellung Chatbot");
      if (board.has(role)) expect(body).toContain(`TOP 2: ${SECRET}`);
      else {
        expect(body).toContain("TOP 2: nicht öffentlicher Teil");
        expect(body).not.toContain(SECRET);
      }
    }
  });

  it("leaves past meetings out of the feed", async () => {
    const body = await (await callRoute(feed.loader, "/sitzungen.ics", { user: users.admin })).text();
    expect(body).toContain("Kommende Sitzung");
    expect(body).not.toContain("Durchgeführte Sitzung");
  });
});

describe("minutes release", () => {
  async function heldData(role: (typeof roles)[number]) {
    return jsonOf(await callRoute(meetingPage.loader, `/sitzungen/${heldId}`, { user: userFor(role), params: { id: String(heldId) } }));
  }

  it("shows drafts to staff only, then public minutes to everyone and non-public minutes to the board", async () => {
    for (const role of roles) {
      const data = await heldData(role);
      const [first, second] = data.items;
      if (role === "staff" || role === "admin") expect(first.minutesHtml).toContain("positiv bewertet");
      else {
        expect(first.minutesHtml, role).toBeNull();
        expect(first.result, role).toBeNull();
        expect(second.minutesHtml, role).toBeNull();
      }
      expect(data.attendees.length, role).toBe(board.has(role) ? 1 : 0);
    }
    const release = await callRoute(minutesRoute.action, `/sitzungen/${heldId}/protokoll`, {
      user: users.staff,
      params: { id: String(heldId) },
      form: { intent: "release" },
    });
    expect(release.status).toBe(302);
    for (const role of roles) {
      const data = await heldData(role);
      const [first, second] = data.items;
      expect(first.minutesHtml, role).toContain("positiv bewertet");
      expect(first.result, role).toBe("Kenntnis genommen");
      expect(data.attendees.length, role).toBe(1);
      if (board.has(role)) expect(second.minutesHtml).toContain("20 %");
      else {
        expect(JSON.stringify(data)).not.toContain(SECRET_MINUTES);
        expect(second).toMatchObject({ minutesHtml: null, result: null, name: null });
      }
    }
  });

  it("refuses to release the minutes of a meeting that is not held (409)", async () => {
    const response = await callRoute(minutesRoute.action, `/sitzungen/${upcomingId}/protokoll`, {
      user: users.staff,
      params: { id: String(upcomingId) },
      form: { intent: "release" },
    });
    expect(response.status).toBe(409);
    const [row] = await db.select().from(meetings).where(eq(meetings.id, upcomingId));
    expect(row.minutesReleasedAt).toBeNull();
  });
});
