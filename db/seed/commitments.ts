import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.server";
import { commitmentEntries, commitmentRecommendations, commitments, commitmentTopics, papers, recommendations, topics, type CommitmentStatus } from "../schema";
import { t } from "../../app/i18n/de";
import type { DemoUsers } from "./accounts";
import { COMMITMENTS, RECOMMENDATION, RECORDED_AT, SOURCE_PAPER, type CommitmentStory } from "./commitments-story";

const DAY = 86_400_000;
const atOf = (at: string | { daysAgo: number }, now: Date) => (typeof at === "string" ? new Date(at) : new Date(now.getTime() - at.daysAgo * DAY));
const dateIn = (days: number, now: Date) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

/** The four promises of ST/0020/2025, linked to EM/0001/2025, public, with their dated history. */
export async function seedCommitments(tx: Executor, people: DemoUsers, now = new Date()) {
  const [paper] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.reference, SOURCE_PAPER));
  const [rec] = await tx.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.reference, RECOMMENDATION));
  const slugs = COMMITMENTS.flatMap((c) => (c.topicSlug ? [c.topicSlug] : []));
  const topicRows = await tx.select({ id: topics.id, slug: topics.slug }).from(topics).where(inArray(topics.slug, slugs));
  for (const story of COMMITMENTS) await seedOne(tx, { story, people, now, paperId: paper?.id ?? null, recommendationId: rec?.id ?? null, topicRows });
}

async function seedOne(
  tx: Executor,
  {
    story,
    people,
    now,
    paperId,
    recommendationId,
    topicRows,
  }: {
    story: CommitmentStory;
    people: DemoUsers;
    now: Date;
    paperId: number | null;
    recommendationId: number | null;
    topicRows: Array<{ id: number; slug: string }>;
  },
) {
  const author = (by: "staff" | "expert") => (by === "staff" ? people.staff : people.experts[0]);
  let status: CommitmentStatus = "offen";
  let statusChangedAt = new Date(RECORDED_AT);
  const rows: Array<Omit<typeof commitmentEntries.$inferInsert, "commitmentId">> = [];
  for (const entry of story.entries) {
    const createdAt = atOf(entry.at, now);
    if (entry.kind === "status") {
      rows.push({
        kind: "status",
        fromStatus: status,
        toStatus: entry.to,
        note: entry.note,
        source: entry.source ?? null,
        authorId: author(entry.by),
        createdAt,
      });
      status = entry.to;
      statusChangedAt = createdAt;
    } else rows.push({ kind: entry.kind, note: entry.note, source: entry.source ?? null, authorId: author(entry.by), createdAt });
  }
  const [row] = await tx
    .insert(commitments)
    .values({
      title: story.title,
      promise: story.promise,
      office: story.office,
      sourcePaperId: paperId,
      sourcePassage: story.passage,
      dueText: story.dueText,
      dueDate: dateIn(story.dueInDays, now),
      status,
      statusChangedAt,
      isPublic: true,
      createdById: people.staff,
      createdAt: new Date(RECORDED_AT),
      updatedAt: statusChangedAt,
    })
    .returning({ id: commitments.id });
  await tx.insert(commitmentEntries).values([
    {
      commitmentId: row.id,
      kind: "status",
      toStatus: "offen",
      note: t.commitments.detail.recorded,
      authorId: people.staff,
      createdAt: new Date(RECORDED_AT),
    },
    ...rows.map((entry) => ({ ...entry, commitmentId: row.id })),
  ]);
  if (recommendationId) await tx.insert(commitmentRecommendations).values({ commitmentId: row.id, recommendationId });
  const topic = topicRows.find((t) => t.slug === story.topicSlug);
  if (topic) await tx.insert(commitmentTopics).values({ commitmentId: row.id, topicId: topic.id });
}
