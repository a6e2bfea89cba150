import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { meetings, recommendations, recommendationTopics } from "../../../db/schema";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import * as create from "../../../app/routes/empfehlungen.neu";
import * as detail from "../../../app/routes/empfehlungen.$id._index";
import { castVote, closeVote } from "../../../app/recommendations/voting.server";
import { createDraft, expectOk } from "./recommendation-fixtures";

let staff: TestUser;
let expert: TestUser;
let meetingId: number;

beforeAll(async () => {
  staff = await createUser("staff");
  expert = await createUser("expert");
  const [meeting] = await db
    .insert(meetings)
    .values({ name: "3. Sitzung des Digitalbeirats", start: new Date("2025-03-12T16:00:00Z"), end: new Date("2025-03-12T18:00:00Z") })
    .returning();
  meetingId = meeting.id;
});

describe("links to topics, rounds and the meeting", () => {
  it("refuses ids that do not exist with 422 and writes nothing", async () => {
    const before = await db.$count(recommendations);
    const forms: Array<Record<string, string>> = [
      { title: "T", body: "B", topics: "999999" },
      { title: "T", body: "B", rounds: "999999" },
      { title: "T", body: "B", meetingId: "999999" },
    ];
    for (const form of forms) {
      const response = await callRoute(create.action, "/empfehlungen/neu", { user: expert, form });
      expect(response.status).toBe(422);
      expect(JSON.stringify(await response.json())).toContain("Verknüpfung gibt es nicht mehr");
    }
    expect(await db.$count(recommendations)).toBe(before);
    expect(await db.$count(recommendationTopics)).toBe(0);
  });

  it("lets staff open a vote that closes at a meeting (no deadline) and records the meeting", async () => {
    const id = await createDraft(expert);
    const response = await callRoute(detail.action, `/empfehlungen/${id}`, {
      user: staff,
      params: { id: String(id) },
      form: { intent: "start-vote", deadline: "", meetingId: String(meetingId) },
    });
    expect(response.status).toBe(303);
    const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
    expect(row).toMatchObject({ status: "voting", voteDeadline: null, meetingId });
    await expectOk(castVote({ actor: expert, id, choice: "ja" }));
    await expectOk(closeVote({ actor: staff, id }));
    const page = await (await callRoute(detail.loader, `/empfehlungen/${id}`, { user: null, params: { id: String(id) } })).status;
    expect(page).toBe(404);
    const board = await (await callRoute(detail.loader, `/empfehlungen/${id}`, { user: staff, params: { id: String(id) } })).json();
    expect(board.links.meeting).toMatchObject({ id: meetingId, name: "3. Sitzung des Digitalbeirats" });
  });
});
