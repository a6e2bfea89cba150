import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { mails, notifications, ratingRecusals, topics } from "../../../db/schema";
import { createComment } from "../../../app/topics/comment-write.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { sendDigests } from "../../../app/notifications/digest.server";
import * as centre from "../../../app/routes/benachrichtigungen._index";
import * as root from "../../../app/root";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { createTopicFor } from "../topics/topics-fixtures";
import { close, createDraftRound, DAY } from "../ratings/rating-fixtures";
import { openRound } from "../../../app/ratings/rounds.server";
import { createDecided } from "../recommendations/recommendation-fixtures";
import { follow, linesFor, whoHeard } from "./helpers";
import { useSmtpServer, drainJobs } from "../mail/helpers";
import { resetEnv } from "../../../app/env.server";
import { header } from "../../support/smtp";

const server = useSmtpServer();

async function people() {
  const roles = await createUsersForAllRoles();
  const expert2 = await createUser("expert");
  return { admin: roles.admin, staff: roles.staff, expert: roles.expert, expert2, council: roles.council } as Record<string, TestUser>;
}

describe("who hears what (role × kind)", () => {
  it("comments: followers who may see the topic; council never hears of an internal topic; the reply goes to the parent's author", async () => {
    const u = await people();
    const topic = await createTopicFor(u.staff, { visibility: "public" });
    for (const name of ["admin", "expert", "expert2", "council"]) await follow(u[name], "topic", topic.id);
    const parent = await createComment({ author: u.expert, slug: topic.slug, body: "Erster Beitrag" });
    expect(parent.ok).toBe(true);
    expect(await whoHeard(u, "comment.new")).toEqual(["admin", "council", "expert2"]);
    // The topic becomes internal: the council follower hears nothing of later comments.
    await db.update(topics).set({ visibility: "internal" }).where(eq(topics.id, topic.id));
    const reply = await createComment({ author: u.expert2, slug: topic.slug, body: "Antwort", parentId: parent.ok ? parent.commentId : undefined });
    expect(reply.ok).toBe(true);
    expect(await linesFor(u.council, "comment.new")).toHaveLength(1);
    expect(await whoHeard(u, "comment.reply")).toEqual(["expert"]);
    // The reply mail is immediate for the expert by default and names the topic, never more.
    await drainJobs(() => server.smtp.received.some((m) => m.envelopeTo[0] === u.expert.email));
    const mail = server.smtp.received.find((m) => m.envelopeTo[0] === u.expert.email)!;
    expect(mail.parsed.subject).toContain("geantwortet");
    expect(header(mail, "list-unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/benachrichtigungen\/abbestellen\?token=/);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });

  it("rating rounds: only experts are asked to rate (not one recused on every proposal); results reach the board, never the council, and carry no scores", async () => {
    const u = await people();
    const draft = await createDraftRound({ staff: u.staff, proposals: ["Anbieter A", "Anbieter B"], criteria: [["Kosten", 100]] });
    await db.insert(ratingRecusals).values([
      { roundId: draft.roundId, proposalId: draft.proposals["Anbieter A"], raterId: u.expert2.id, reason: "Ich berate Anbieter A." },
      { roundId: draft.roundId, proposalId: draft.proposals["Anbieter B"], raterId: u.expert2.id, reason: "Ich berate Anbieter B." },
    ]);
    await openRound({ roundId: draft.roundId, closesAt: new Date(Date.now() + 7 * DAY), actor: u.staff });
    expect(await whoHeard(u, "round.opened")).toEqual(["expert"]);
    await close(draft.roundId, u.staff);
    expect(await whoHeard(u, "round.results")).toEqual(["admin", "expert", "expert2"]);
    const [line] = await linesFor(u.expert, "round.results");
    expect(line.title).not.toMatch(/\d+[,.]\d|Punkte|bewertet von/);
  });

  it("recommendations: vote opened to experts, decided to the board, published to council and followers", async () => {
    process.env.VOTE_QUORUM_PERCENT = "1";
    resetEnv();
    const u = await people();
    const id = await createDecided({ author: u.expert, staff: u.staff, voters: [u.expert, u.expert2] }, { isPublic: false });
    expect(await whoHeard(u, "vote.opened")).toEqual(["expert", "expert2"]);
    expect(await whoHeard(u, "vote.decided")).toEqual(["admin", "expert", "expert2"]);
    expect(await whoHeard(u, "recommendation.published")).toEqual(["council"]);
    void id;
  });

  it("digests leave out lines whose object became invisible, and the centre shows only visible ones", async () => {
    const u = await people();
    const topic = await createTopicFor(u.staff, { visibility: "public" });
    await follow(u.council, "topic", topic.id);
    const other = await createTopicFor(u.staff, { visibility: "public", title: "Offene Daten für Koblenz" });
    await follow(u.council, "topic", other.id);
    await createComment({ author: u.expert, slug: topic.slug, body: "Wird intern" });
    await createComment({ author: u.expert, slug: other.slug, body: "Bleibt öffentlich" });
    await db.update(topics).set({ visibility: "internal" }).where(eq(topics.id, topic.id));
    const before = server.smtp.received.length;
    await sendDigests({ frequency: "taeglich", until: new Date(Date.now() + 1000) });
    await drainJobs(() => server.smtp.received.length > before);
    const digest = server.smtp.received.slice(before).find((m) => m.envelopeTo[0] === u.council.email)!;
    expect(digest.parsed.subject).toContain("tägliche Zusammenfassung");
    expect(digest.parsed.text).toContain("Offene Daten für Koblenz");
    expect(digest.parsed.text).not.toContain(topic.title);
    expect(header(digest, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // A second digest run for the same period sends nothing more.
    await sendDigests({ frequency: "taeglich", until: new Date(Date.now() + 1000) });
    await runDueJobs();
    expect(server.smtp.received.slice(before).filter((m) => m.envelopeTo[0] === u.council.email)).toHaveLength(1);

    const page = await (await callRoute(centre.loader, "/benachrichtigungen", { user: u.council })).json();
    expect(page.notifications.map((n: { title: string }) => n.title).join()).not.toContain(topic.title);
    const rootData = await (await callRoute(root.loader, "/", { user: u.council })).json();
    expect(rootData.unread).toBe(2);
    await callRoute(centre.action, "/benachrichtigungen", { user: u.council, form: { intent: "read-all" } });
    expect((await (await callRoute(root.loader, "/", { user: u.council })).json()).unread).toBe(0);
    expect(await db.select().from(notifications).where(eq(notifications.userId, u.council.id))).toHaveLength(2);
    void mails;
  });
});
