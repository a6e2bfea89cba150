import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { recommendations } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/index";
import { castVote, startVote } from "../../../app/recommendations/voting.server";
import * as index from "../../../app/routes/_index";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";

let staff: TestUser;
let expert: TestUser;
let council: TestUser;
let draftId: number;

beforeAll(async () => {
  await seedDemo(db);
  [staff, expert, council] = await Promise.all([createUser("staff"), createUser("expert"), createUser("council")]);
  const [draft] = await db.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.status, "draft"));
  draftId = draft.id;
});

async function dashboard(user: TestUser | null) {
  const response = await callRoute(index.loader, "/", { user });
  expect(response.status).toBe(200);
  return jsonOf(response);
}

describe("start page and dashboard", () => {
  it("shows visitors the published public recommendation and no board content", async () => {
    const data = await dashboard(null);
    expect(data.user).toBeNull();
    expect(data.published.map((r: { reference: string }) => r.reference)).toContain("EM/0001/2025");
    expect(data.latestTopics).toBeNull();
    expect(data.ballots).toBeNull();
  });

  it("shows experts the latest discussions including internal topics", async () => {
    const data = await dashboard(expert);
    expect(data.latestTopics.length).toBeGreaterThan(0);
    expect(data.latestTopics.length).toBeLessThanOrEqual(5);
    expect(data.latestTopics.some((topic: { visibility: string }) => topic.visibility === "internal")).toBe(true);
    expect(data.latestTopics.every((topic: { commentCount: number }) => topic.commentCount > 0)).toBe(true);
  });

  it("lists a vote awaiting the expert's ballot until the expert has voted", async () => {
    const started = await startVote({ actor: staff, id: draftId, deadline: new Date(Date.now() + 86_400_000) });
    expect(started.ok).toBe(true);
    expect((await dashboard(expert)).ballots.map((b: { id: number }) => b.id)).toContain(draftId);
    expect((await castVote({ actor: expert, id: draftId, choice: "ja" })).ok).toBe(true);
    expect((await dashboard(expert)).ballots.map((b: { id: number }) => b.id)).not.toContain(draftId);
  });

  it("gives council members their own section and no board discussions or ballots", async () => {
    const data = await dashboard(council);
    expect(data.councilView).not.toBeNull();
    expect(data.latestTopics).toBeNull();
    expect(data.ballots).toBeNull();
  });
});
