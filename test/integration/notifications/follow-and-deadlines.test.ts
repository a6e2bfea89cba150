import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { follows, notificationPreferences, recommendationPapers } from "../../../db/schema";
import * as folgen from "../../../app/routes/folgen";
import * as paperPage from "../../../app/routes/vorlagen.$reference._index";
import * as meetingPage from "../../../app/routes/sitzungen.$id._index";
import * as roundPage from "../../../app/routes/bewertungsrunden.$id._index";
import * as recommendationPage from "../../../app/routes/empfehlungen.$id._index";
import { openRound } from "../../../app/ratings/rounds.server";
import { findMeeting, updateMeeting } from "../../../app/meetings/meetings.server";
import { startVote, castVote } from "../../../app/recommendations/voting.server";
import { createComment } from "../../../app/topics/comment-write.server";
import { sendDigests } from "../../../app/notifications/digest.server";
import { enqueueJob } from "../../../app/server/jobs/queue.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { paperSlug } from "../../../app/papers/paper-path";
import { formatDate } from "../../../app/lib/dates";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { createDecided, createDraft, createPaper, expectOk } from "../recommendations/recommendation-fixtures";
import { createDraftRound, DAY, expire } from "../ratings/rating-fixtures";
import { insertMeeting } from "../meetings/meeting-helpers";
import { createTopicFor } from "../topics/topics-fixtures";
import { drainJobs, useSmtpServer } from "../mail/helpers";
import { inputOf, linesFor } from "./helpers";

const server = useSmtpServer();

/** POST /folgen as the follow button sends it (a plain form, no JavaScript). */
function pressFollow(user: TestUser | null, type: string, id: number, follow: boolean, redirectTo = "/") {
  return callRoute(folgen.action, "/folgen", { user, form: { type, id: String(id), follow: String(follow), redirectTo } });
}

async function isFollowing(user: TestUser, type: string, id: number) {
  const rows = await db
    .select()
    .from(follows)
    .where(and(eq(follows.userId, user.id), eq(follows.objectType, type as never), eq(follows.objectId, id)));
  return rows.length === 1;
}

describe("follow buttons (POST /folgen)", () => {
  it("follow and unfollow a paper, a meeting, a rating round and a recommendation; the page shows the state and the follower hears of it", async () => {
    const u = await createUsersForAllRoles();
    const expert2 = await createUser("expert");

    // Paper: an expert follows it and hears when a recommendation on it is published.
    const paper = await createPaper();
    const paperPath = `/vorlagen/${paperSlug(paper.reference)}`;
    const pressed = await pressFollow(u.expert, "paper", paper.id, true, paperPath);
    expect(pressed.status).toBe(302);
    expect(pressed.headers.get("Location")).toBe(paperPath);
    const shown = await jsonOf(await callRoute(paperPage.loader, paperPath, { user: u.expert, params: { reference: paperSlug(paper.reference) } }));
    expect(shown.follow).toEqual({ following: true });
    await createDecided({ author: expert2, staff: u.staff, voters: [expert2] }, { isPublic: true }, { papers: [paper.reference] });
    expect(await db.select().from(recommendationPapers).where(eq(recommendationPapers.paperId, paper.id))).toHaveLength(1);
    expect(await linesFor(u.expert, "recommendation.published")).toHaveLength(1);

    // Meeting: a council member who follows it is invited; one who does not is not.
    const meeting = await insertMeeting({ name: "Sitzung mit Gästen" });
    expect((await pressFollow(u.council, "meeting", meeting.id, true, `/sitzungen/${meeting.id}`)).status).toBe(302);
    const meetingShown = await jsonOf(await callRoute(meetingPage.loader, `/sitzungen/${meeting.id}`, { user: u.council, params: { id: String(meeting.id) } }));
    expect(meetingShown.follow).toEqual({ following: true });
    const quietCouncil = await createUser("council");
    await updateMeeting({ actorId: u.staff.id, id: meeting.id, input: inputOf((await findMeeting({ id: meeting.id }))!, { state: "eingeladen" }) });
    expect(await linesFor(u.council, "meeting.invitation")).toHaveLength(1);
    expect(await linesFor(quietCouncil, "meeting.invitation")).toHaveLength(0);

    // Rating round: staff may follow a draft they set up (the page offers the button).
    const round = await createDraftRound({ staff: u.admin, proposals: ["Anbieter A"], criteria: [["Kosten", 100]] });
    expect((await pressFollow(u.staff, "round", round.roundId, true)).status).toBe(302);
    const roundShown = await jsonOf(
      await callRoute(roundPage.loader, `/bewertungsrunden/${round.roundId}`, { user: u.staff, params: { id: String(round.roundId) } }),
    );
    expect(roundShown.follow).toEqual({ following: true });
    // An expert cannot follow it before it opens (drafts are hidden from the board).
    expect((await pressFollow(u.expert, "round", round.roundId, true)).status).toBe(404);

    // Recommendation: followed, then unfollowed; the page follows suit.
    const draft = await createDraft(u.expert);
    expect((await pressFollow(u.admin, "recommendation", draft, true)).status).toBe(302);
    expect(await isFollowing(u.admin, "recommendation", draft)).toBe(true);
    expect((await pressFollow(u.admin, "recommendation", draft, false)).status).toBe(302);
    expect(await isFollowing(u.admin, "recommendation", draft)).toBe(false);
    const recShown = await jsonOf(await callRoute(recommendationPage.loader, `/empfehlungen/${draft}`, { user: u.admin, params: { id: String(draft) } }));
    expect(recShown.follow).toEqual({ following: false });
    expect((await pressFollow(u.expert, "paper", paper.id, false, paperPath)).status).toBe(302);
    expect(await isFollowing(u.expert, "paper", paper.id)).toBe(false);
  });

  it("refuses what the member may not see, bad input and visitors; never redirects off-site", async () => {
    const u = await createUsersForAllRoles();
    const internal = await createTopicFor(u.staff, { visibility: "internal" });
    const draft = await createDraft(u.expert);
    expect((await pressFollow(u.council, "topic", internal.id, true)).status).toBe(404);
    expect((await pressFollow(u.council, "recommendation", draft, true)).status).toBe(404);
    expect((await pressFollow(u.council, "meeting", 2_147_483_000, true)).status).toBe(404);
    expect((await pressFollow(u.council, "vote", 1, true)).status).toBe(400);
    expect((await pressFollow(u.council, "paper", 0x10, true, "/")).status).toBe(404);
    expect(await db.select().from(follows).where(eq(follows.userId, u.council.id))).toHaveLength(0);
    const visitor = await pressFollow(null, "topic", internal.id, true);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    const paper = await createPaper();
    const offsite = await pressFollow(u.council, "paper", paper.id, true, "//evil.example/");
    expect(offsite.status).toBe(302);
    expect(offsite.headers.get("Location")).toBe("/");
    expect((await callRoute(folgen.loader as never, "/folgen", { user: u.council })).status).toBe(405);
  });
});

describe("time-based notifications (hourly job) and the weekly digest", () => {
  it("reminds raters and voters 48 hours before the end, once; announces results when the closing date has passed", async () => {
    const u = await createUsersForAllRoles();
    const voted = await createUser("expert");
    const soon = await createDraftRound({ staff: u.staff, proposals: ["Anbieter A"], criteria: [["Kosten", 100]] });
    await openRound({ roundId: soon.roundId, closesAt: new Date(Date.now() + DAY), actor: u.staff });
    const later = await createDraftRound({ staff: u.staff, proposals: ["Anbieter B"], criteria: [["Kosten", 100]] });
    await openRound({ roundId: later.roundId, closesAt: new Date(Date.now() + 7 * DAY), actor: u.staff });
    const recommendation = await createDraft(u.expert);
    await expectOk(startVote({ actor: u.staff, id: recommendation, deadline: new Date(Date.now() + DAY) }));
    await expectOk(castVote({ actor: voted, id: recommendation, choice: "ja" }));

    const scan = async () => {
      await enqueueJob(db, { kind: "notifications.timed" });
      await runDueJobs();
    };
    await scan();
    const closing = await linesFor(u.expert, "round.closing");
    expect(closing.map((line) => line.objectId)).toEqual([soon.roundId]);
    expect(await linesFor(u.staff, "round.closing")).toHaveLength(0);
    expect(await linesFor(u.council, "round.closing")).toHaveLength(0);
    expect((await linesFor(u.expert, "vote.closing")).map((line) => line.objectId)).toEqual([recommendation]);
    expect(await linesFor(voted, "vote.closing")).toHaveLength(0); // already voted
    // The expert's default for both is "sofort": the reminder arrives as mail.
    await drainJobs(() => server.smtp.received.some((m) => m.envelopeTo[0] === u.expert.email && /endet/i.test(m.parsed.subject ?? "")));

    await scan(); // the next hour: nothing new
    expect(await linesFor(u.expert, "round.closing")).toHaveLength(1);
    expect(await linesFor(u.expert, "vote.closing")).toHaveLength(1);

    await expire(soon.roundId);
    await scan();
    expect((await linesFor(u.staff, "round.results")).map((line) => line.objectId)).toEqual([soon.roundId]);
    expect(await linesFor(u.council, "round.results")).toHaveLength(0);
  });

  it("sends the weekly digest with the lines a member chose weekly, and the daily one leaves them out", async () => {
    const u = await createUsersForAllRoles();
    await db.insert(notificationPreferences).values({ userId: u.council.id, kind: "comment.new", frequency: "woechentlich" });
    const topic = await createTopicFor(u.staff, { visibility: "public", title: "Barrierefreie Formulare" });
    await db.insert(follows).values({ userId: u.council.id, objectType: "topic", objectId: topic.id });
    await createComment({ author: u.expert, slug: topic.slug, body: "Ein neuer Beitrag" });
    const to = (from: number) => server.smtp.received.slice(from).filter((m) => m.envelopeTo[0] === u.council.email);

    const beforeDaily = server.smtp.received.length;
    await sendDigests({ frequency: "taeglich", until: new Date(Date.now() + 1000) });
    await runDueJobs();
    expect(to(beforeDaily)).toHaveLength(0);

    const before = server.smtp.received.length;
    const until = new Date(Date.now() + 1000);
    await sendDigests({ frequency: "woechentlich", until });
    await drainJobs(() => to(before).length > 0);
    const [digest] = to(before);
    expect(digest.parsed.subject).toBe(`Ihre Wochenzusammenfassung (${formatDate(new Date(until.getTime() - 7 * DAY))} bis ${formatDate(until)})`);
    expect(digest.parsed.text).toContain("Barrierefreie Formulare");
    await sendDigests({ frequency: "woechentlich", until: new Date(Date.now() + 1000) });
    await runDueJobs();
    expect(to(before)).toHaveLength(1);
  });
});
