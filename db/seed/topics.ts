import { parseBerlinLocal } from "../../app/lib/dates";
import { slugify } from "../../app/topics/slug.server";
import type { Executor } from "../client.server";
import { commentVersions, comments, follows, topicFields, topicReads, topics } from "../schema";
import type { DemoUsers } from "./accounts";
import { FIELDS, STORY, type Speaker, type StoryComment } from "./topics-story";
import { renderedColumns } from "../../app/server/markdown/stored.server";

const at = (local: string) => {
  const date = parseBerlinLocal(local);
  if (!date) throw new Error(`Ungültige Zeit in den Demodaten: ${local}`);
  return date;
};

function speakers(people: DemoUsers): Record<Speaker, number> {
  const [anna, jonas, leyla, stefan, miriam] = people.experts;
  return { anna, jonas, leyla, stefan, miriam, staff: people.staff, council: people.council };
}

/** An edited comment shows its edit 25 minutes after the original; every version is kept. */
async function insertComment(tx: Executor, topicId: number, authorId: number, comment: StoryComment, parentId: number | null) {
  const editedAt = comment.earlier?.length ? new Date(at(comment.at).getTime() + 25 * 60_000) : null;
  const versions = [
    ...(comment.earlier ?? []).map((version) => ({ body: version.body, createdAt: at(version.at) })),
    { body: comment.body, createdAt: editedAt ?? at(comment.at) },
  ];
  const [row] = await tx
    .insert(comments)
    .values({
      topicId,
      parentId,
      authorId,
      body: comment.body,
      ...renderedColumns("portal", { bodyHtml: comment.body }),
      createdAt: at(comment.at),
      editedAt,
      deletedAt: comment.deletedAt ? at(comment.deletedAt) : null,
    })
    .returning({ id: comments.id });
  await tx.insert(commentVersions).values(versions.map((version, index) => ({ commentId: row.id, version: index + 1, ...version })));
  return row.id;
}

function latest(comment: StoryComment): string[] {
  return [comment.at, ...(comment.replies ?? []).flatMap(latest)];
}

/** Fields of action, the Koblenz topics and their discussion; follows and read marks for the dashboard. */
export async function seedTopics(tx: Executor, people: DemoUsers) {
  const who = speakers(people);
  const fieldIds = new Map<string, number>();
  for (const [index, name] of FIELDS.entries()) {
    const [row] = await tx
      .insert(topicFields)
      .values({ name, position: (index + 1) * 10 })
      .returning({ id: topicFields.id });
    fieldIds.set(name, row.id);
  }
  const topicIds = new Map<string, number>();
  for (const story of STORY) {
    const activity = [story.at, ...story.comments.flatMap(latest)].sort().at(-1)!;
    const [topic] = await tx
      .insert(topics)
      .values({
        slug: slugify(story.title),
        title: story.title,
        body: story.body,
        ...renderedColumns("portal", { bodyHtml: story.body }),
        fieldId: fieldIds.get(story.field)!,
        authorId: who[story.by],
        status: story.status,
        visibility: story.visibility,
        createdAt: at(story.at),
        updatedAt: at(story.at),
        lastActivityAt: at(activity),
      })
      .returning({ id: topics.id });
    topicIds.set(slugify(story.title), topic.id);
    for (const comment of story.comments) {
      const parentId = await insertComment(tx, topic.id, who[comment.by], comment, null);
      for (const reply of comment.replies ?? []) await insertComment(tx, topic.id, who[reply.by], reply, parentId);
    }
  }
  const chatbot = topicIds.get("chatbot-schaengel-fuer-die-buergerkommunikation")!;
  const platform = topicIds.get("ki-plattform-teststellung-dokumente-audio-bild-video")!;
  const ozg = topicIds.get("ozg-die-naechsten-leistungen")!;
  // The demo expert read the chatbot thread on 20 January: later comments show as new on her dashboard.
  await tx.insert(follows).values([
    { userId: who.anna, objectType: "topic", objectId: chatbot, createdAt: at("2025-01-14T09:12") },
    { userId: who.anna, objectType: "topic", objectId: platform, createdAt: at("2025-01-20T10:00") },
    { userId: who.council, objectType: "topic", objectId: ozg, createdAt: at("2025-01-08T12:00") },
  ]);
  await tx.insert(topicReads).values([
    { userId: who.anna, topicId: chatbot, readAt: at("2025-01-20T08:00") },
    { userId: who.anna, topicId: platform, readAt: at("2025-01-24T08:00") },
    { userId: who.council, topicId: ozg, readAt: at("2025-01-09T08:00") },
  ]);
}
