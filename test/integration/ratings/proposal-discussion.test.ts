import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, ratingProposals, topicFields, topics } from "../../../db/schema";
import { createRound, updateRound } from "../../../app/ratings/rounds.server";
import { addProposal, updateProposal } from "../../../app/ratings/setup.server";
import { RefusalError } from "../../../app/lib/refusal";
import * as proposalPage from "../../../app/routes/bewertungsrunden.$id.vorschlaege.$proposalId";
import * as topicPage from "../../../app/routes/themen.$slug._index";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { createFieldRow, createTopicFor } from "../topics/topics-fixtures";
import { createDraftRound, createOpenRound, proposalInput } from "./rating-fixtures";

type Role = "admin" | "staff" | "expert" | "council" | "visitor";
const ROLES: Role[] = ["admin", "staff", "expert", "council", "visitor"];
let users: Record<Role, TestUser | null>;

beforeAll(async () => {
  users = await createUsersForAllRoles();
});

async function proposalRow(id: number) {
  const [row] = await db.select().from(ratingProposals).where(eq(ratingProposals.id, id));
  return row;
}

async function topicOf(proposalId: number) {
  const { discussionTopicId } = await proposalRow(proposalId);
  const [topic] = await db.select().from(topics).where(eq(topics.id, discussionTopicId!));
  return topic;
}

async function fieldName(fieldId: number) {
  const [row] = await db.select({ name: topicFields.name }).from(topicFields).where(eq(topicFields.id, fieldId));
  return row.name;
}

const proposalUrl = (roundId: number, proposalId: number) => ({
  path: `/bewertungsrunden/${roundId}/vorschlaege/${proposalId}`,
  params: { id: String(roundId), proposalId: String(proposalId) },
});

describe("creating a proposal", () => {
  it("files the discussion under 'Sonstiges' (created if missing), then 'KI', when the round has no topic", async () => {
    const staff = users.staff!;
    const first = await createDraftRound({ staff, criteria: [], proposals: ["Erstes"] });
    expect(await fieldName((await topicOf(first.proposals.Erstes)).fieldId)).toBe("Sonstiges");
    await db.insert(topicFields).values({ name: "KI" });
    const second = await createDraftRound({ staff, criteria: [], proposals: ["Zweites"] });
    expect(await fieldName((await topicOf(second.proposals.Zweites)).fieldId)).toBe("KI");
    expect(await db.$count(topicFields, eq(topicFields.name, "Sonstiges"))).toBe(1);
  });

  it("creates exactly one linked internal topic in the field of the round's topic, audited, renamed with proposal and round", async () => {
    const staff = users.staff!;
    const fieldId = await createFieldRow("IT-Sicherheit");
    const roundTopic = await createTopicFor(staff, { title: "Chatbot für die Stadt", fieldId });
    const roundId = await createRound({
      input: { title: "Chatbot-Anbieter 2025", description: "", topicId: roundTopic.id, rankingMethod: "mean" },
      actor: staff,
    });
    const before = await db.$count(topics);
    const proposalId = await addProposal({ roundId, input: proposalInput("Schängel-Assistent", "Rheinland Dialog GmbH"), actor: staff });
    expect(await db.$count(topics)).toBe(before + 1);
    const topic = await topicOf(proposalId);
    expect(topic).toMatchObject({
      title: "Vorschlag „Schängel-Assistent“ (Chatbot-Anbieter 2025)",
      visibility: "internal",
      status: "open",
      authorId: staff.id,
      fieldId,
    });
    expect(topic.slug).toBe("vorschlag-schaengel-assistent-chatbot-anbieter-2025");
    expect(await db.$count(auditEvents, and(eq(auditEvents.action, "topic.created"), eq(auditEvents.objectId, String(topic.id))))).toBe(1);

    await updateProposal({ roundId, proposalId, input: proposalInput("Schängel-Assistent 2"), actor: staff });
    expect((await topicOf(proposalId)).title).toBe("Vorschlag „Schängel-Assistent 2“ (Chatbot-Anbieter 2025)");
    await updateRound({ roundId, input: { title: "Chatbot-Anbieter 2026", description: "", topicId: roundTopic.id, rankingMethod: "mean" }, actor: staff });
    expect((await topicOf(proposalId)).title).toBe("Vorschlag „Schängel-Assistent 2“ (Chatbot-Anbieter 2026)");
  });

  it("rolls the topic back when the proposal cannot be saved (same transaction)", async () => {
    const staff = users.staff!;
    const round = await createDraftRound({ staff, criteria: [], proposals: ["Doppelt"] });
    const before = await db.$count(topics);
    const refused = await addProposal({ roundId: round.roundId, input: proposalInput("Doppelt"), actor: staff }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RefusalError);
    expect((refused as RefusalError).status).toBe(409);
    expect(await db.$count(topics)).toBe(before);
  });

  it("refuses a second proposal on the same topic (unique link)", async () => {
    const staff = users.staff!;
    const round = await createDraftRound({ staff, criteria: [], proposals: ["Eins", "Zwei"] });
    const { discussionTopicId } = await proposalRow(round.proposals.Eins);
    const update = db.update(ratingProposals).set({ discussionTopicId }).where(eq(ratingProposals.id, round.proposals.Zwei));
    await expect(update).rejects.toThrow();
  });
});

describe("the proposal's discussion", () => {
  let round: Awaited<ReturnType<typeof createOpenRound>>;
  let slug: string;

  beforeAll(async () => {
    round = await createOpenRound({ staff: users.staff!, criteria: [["A", 100]], proposals: ["Bürgerchat"] });
    slug = (await topicOf(round.proposals["Bürgerchat"])).slug;
  });

  it("is board-only: the proposal page refuses council and visitors, the topic is not found for them", async () => {
    const { path, params } = proposalUrl(round.roundId, round.proposals["Bürgerchat"]);
    const actual: Record<string, number[]> = {};
    for (const role of ROLES) {
      const user = users[role];
      actual[role] = [
        (await callRoute(proposalPage.loader, path, { user, params })).status,
        (await callRoute(topicPage.loader, `/themen/${slug}`, { user, params: { slug } })).status,
        (await callRoute(topicPage.action, `/themen/${slug}?index`, { user, params: { slug }, form: { intent: "comment", body: "Von außen" } })).status,
      ];
    }
    expect(actual).toEqual({
      admin: [200, 200, 302],
      staff: [200, 200, 302],
      expert: [200, 200, 302],
      council: [403, 404, 403],
      visitor: [302, 404, 302],
    });
  });

  it("shows an expert's comment, posted through the topic's own action, on the proposal page", async () => {
    const expert = await createUser("expert", { name: "Leyla Özdemir" });
    const { path, params } = proposalUrl(round.roundId, round.proposals["Bürgerchat"]);
    const posted = await callRoute(topicPage.action, `/themen/${slug}?index`, {
      user: expert,
      params: { slug },
      form: { intent: "comment", body: "Tastatur geht **nicht**.<script>alert(1)</script>" },
    });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toMatch(new RegExp(`^/themen/${slug}\\?seite=1#comment-\\d+$`));

    const page = await jsonOf(await callRoute(proposalPage.loader, path, { user: users.expert, params }));
    const mine = page.discussion.comments.at(-1);
    expect(mine.authorName).toBe("Leyla Özdemir");
    expect(mine.html).toContain("<strong>nicht</strong>");
    expect(mine.html).not.toContain("<script");
    expect(new Date(mine.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(page.discussion).toMatchObject({ slug, status: "open" });
    expect(page.canComment).toBe(true);

    const topic = await jsonOf(await callRoute(topicPage.loader, `/themen/${slug}`, { user: expert, params: { slug } }));
    expect(topic.proposal).toMatchObject({ roundId: round.roundId, proposalId: round.proposals["Bürgerchat"], title: "Bürgerchat" });
  });

  it("shows the five newest comments, oldest first, and counts all", async () => {
    const expert = users.expert!;
    const { path, params } = proposalUrl(round.roundId, round.proposals["Bürgerchat"]);
    const before = (await jsonOf(await callRoute(proposalPage.loader, path, { user: users.staff, params }))).discussion.commentCount;
    for (let n = 1; n <= 6; n++) {
      const posted = await callRoute(topicPage.action, `/themen/${slug}?index`, {
        user: expert,
        params: { slug },
        form: { intent: "comment", body: `Beitrag ${n}` },
      });
      expect(posted.status).toBe(302);
    }
    const page = await jsonOf(await callRoute(proposalPage.loader, path, { user: users.staff, params }));
    expect(page.discussion.comments.map((c: { html: string }) => c.html.trim())).toEqual([2, 3, 4, 5, 6].map((n) => `<p>Beitrag ${n}</p>`));
    expect(page.discussion.commentCount).toBe(before + 6);
  });

  it("links back from the topic only for readers who may open the proposal", async () => {
    const draft = await createDraftRound({ staff: users.staff!, criteria: [], proposals: ["Entwurf"] });
    const draftSlug = (await topicOf(draft.proposals.Entwurf)).slug;
    const forStaff = await jsonOf(await callRoute(topicPage.loader, `/themen/${draftSlug}`, { user: users.staff, params: { slug: draftSlug } }));
    const forExpert = await jsonOf(await callRoute(topicPage.loader, `/themen/${draftSlug}`, { user: users.expert, params: { slug: draftSlug } }));
    expect(forStaff.proposal).toMatchObject({ proposalId: draft.proposals.Entwurf });
    expect(forExpert.proposal).toBeNull();
  });
});
