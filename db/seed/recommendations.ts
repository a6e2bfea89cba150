import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.server";
import {
  meetings,
  papers,
  ratingRounds,
  recommendationCoauthors,
  recommendations,
  recommendationVersions,
  recommendationVotes,
  commentVersions,
  comments,
  topics,
  type VoteChoice,
} from "../schema";
import { closeRecommendationDiscussion, createRecommendationDiscussion } from "../../app/recommendations/discussion.server";
import { insertLinks } from "../../app/recommendations/drafting.server";
import { deriveOutcome, tallyVotes, voteRecord } from "../../app/recommendations/rules.server";
import type { DemoUsers } from "./accounts";
import { DRAFT, PUBLISHED } from "./recommendations-story";
import { renderedColumns } from "../../app/server/markdown/stored.server";

type Story = typeof PUBLISHED | typeof DRAFT;

/** Links by natural key (paper reference, topic slug, round title); missing ones are skipped. */
async function link(tx: Executor, id: number, story: Story) {
  const [paperRows, topicRows, roundRows] = await Promise.all([
    tx
      .select({ id: papers.id, reference: papers.reference })
      .from(papers)
      .where(inArray(papers.reference, [...story.papers])),
    tx
      .select({ id: topics.id })
      .from(topics)
      .where(inArray(topics.slug, [...story.topicSlugs])),
    story.roundTitles.length
      ? tx
          .select({ id: ratingRounds.id })
          .from(ratingRounds)
          .where(inArray(ratingRounds.title, [...story.roundTitles]))
      : Promise.resolve([]),
  ]);
  const ordered = story.papers.flatMap((ref) => paperRows.filter((p) => p.reference === ref));
  await insertLinks(tx, id, { paperIds: ordered.map((p) => p.id), topicIds: topicRows.map((t) => t.id), roundIds: roundRows.map((r) => r.id) });
}

async function addHistory(tx: Executor, id: number, story: Story, people: DemoUsers) {
  await tx.insert(recommendationVersions).values(
    story.versions.map((v, index) => ({
      recommendationId: id,
      number: index + 1,
      title: story.title,
      summary: story.summary,
      body: v.body,
      authorId: people.experts[v.by],
      createdAt: new Date(v.at),
    })),
  );
  await tx
    .insert(recommendationCoauthors)
    .values(story.coauthors.map((e) => ({ recommendationId: id, userId: people.experts[e], addedAt: new Date(story.versions[0].at) })));
  await addDiscussion(tx, id, story, people);
}

/** The draft's board-internal discussion topic with the story's comments (decision 043). */
async function addDiscussion(tx: Executor, id: number, story: Story, people: DemoUsers) {
  const [linked] = await tx
    .select({ id: topics.id })
    .from(topics)
    .where(inArray(topics.slug, [...story.topicSlugs]));
  const topicId = await createRecommendationDiscussion(tx, {
    recommendationId: id,
    title: story.title,
    linkedTopicId: linked?.id ?? null,
    authorId: people.experts[story.versions[0].by],
    at: new Date(story.versions[0].at),
  });
  if (story.comments.length > 0) {
    const rows = await tx
      .insert(comments)
      .values(
        story.comments.map((c) => ({
          topicId,
          authorId: people.experts[c.by],
          body: c.body,
          ...renderedColumns("portal", { bodyHtml: c.body }),
          recommendationVersion: c.version,
          createdAt: new Date(c.at),
        })),
      )
      .returning({ id: comments.id, body: comments.body, createdAt: comments.createdAt });
    await tx.insert(commentVersions).values(rows.map((row) => ({ commentId: row.id, version: 1, body: row.body, createdAt: row.createdAt })));
  }
  const last = story.comments.at(-1);
  if (last)
    await tx
      .update(topics)
      .set({ lastActivityAt: new Date(last.at) })
      .where(eq(topics.id, topicId));
  if ("published" in story) await closeRecommendationDiscussion(tx, { topicId });
}

async function seedPublished(tx: Executor, people: DemoUsers) {
  const story = PUBLISHED;
  const latest = story.versions.length;
  const choices = story.vote.choices.map((c) => c.choice as VoteChoice);
  const tally = tallyVotes(choices);
  // The same arithmetic as a live close, against the demo board's five experts and 50 %.
  const outcome = deriveOutcome(tally, people.experts.length, 50);
  const [rec] = await tx
    .insert(recommendations)
    .values({
      reference: "EM/0001/2025",
      title: story.title,
      summary: story.summary,
      body: story.versions[latest - 1].body,
      ...renderedColumns("portal", { bodyHtml: story.versions[latest - 1].body }),
      status: "published",
      createdById: people.experts[story.versions[0].by],
      createdAt: new Date(story.versions[0].at),
      updatedAt: new Date(story.published),
      latestVersion: latest,
      voteOpenedAt: new Date(story.vote.opened),
      voteDeadline: new Date(story.vote.deadline),
      votedVersion: latest,
      voteClosedAt: new Date(story.vote.closed),
      ...voteRecord(tally, people.experts.length, outcome),
      publishedAt: new Date(story.published),
      publishedVersion: latest,
      isPublic: true,
    })
    .returning({ id: recommendations.id });
  await addHistory(tx, rec.id, story, people);
  await tx.insert(recommendationVotes).values(
    story.vote.choices.map((c) => ({
      recommendationId: rec.id,
      userId: people.experts[c.expert],
      choice: c.choice as VoteChoice,
      conflictReason: "reason" in c ? c.reason : null,
      createdAt: new Date(story.vote.opened),
      updatedAt: new Date(story.vote.opened),
    })),
  );
  await link(tx, rec.id, story);
}

async function seedDraft(tx: Executor, people: DemoUsers) {
  const story = DRAFT;
  const latest = story.versions.length;
  const [meeting] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.name, story.meetingName));
  const [rec] = await tx
    .insert(recommendations)
    .values({
      title: story.title,
      summary: story.summary,
      body: story.versions[latest - 1].body,
      ...renderedColumns("portal", { bodyHtml: story.versions[latest - 1].body }),
      createdById: people.experts[story.versions[0].by],
      createdAt: new Date(story.versions[0].at),
      updatedAt: new Date(story.versions[latest - 1].at),
      latestVersion: latest,
      meetingId: meeting?.id ?? null,
    })
    .returning({ id: recommendations.id });
  await addHistory(tx, rec.id, story, people);
  await link(tx, rec.id, story);
}

/** One published recommendation on the Schängel chatbot with its vote record, one draft on the AI platform. */
export async function seedRecommendations(tx: Executor, people: DemoUsers) {
  await seedPublished(tx, people);
  await seedDraft(tx, people);
}
