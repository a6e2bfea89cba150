import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { topicFields, topics } from "../../../db/schema";
import { createTopic } from "../../../app/topics/topics.server";
import { createComment } from "../../../app/topics/comment-write.server";
import type { TestUser } from "../../support/fixtures";
import { perDatabase } from "../../support/per-database";

export async function createFieldRow(name = `Feld ${randomBytes(3).toString("hex")}`) {
  const [row] = await db.insert(topicFields).values({ name }).returning({ id: topicFields.id });
  return row.id;
}

const defaultField = perDatabase(() => createFieldRow());

/** A topic through the real model (slug, audit, read mark), optionally closed afterwards. */
export async function createTopicFor(
  author: TestUser,
  options: { title?: string; body?: string; visibility?: "internal" | "public"; status?: "open" | "closed"; fieldId?: number } = {},
) {
  const result = await createTopic({
    author,
    input: {
      title: options.title ?? `Thema ${randomBytes(4).toString("hex")}`,
      body: options.body ?? "Beschreibung des Themas.",
      fieldId: options.fieldId ?? (await defaultField()),
      visibility: options.visibility ?? "internal",
    },
  });
  if (!result.ok) throw new Error("Thema konnte nicht angelegt werden");
  if (options.status === "closed") await db.update(topics).set({ status: "closed" }).where(eq(topics.slug, result.slug));
  const [row] = await db.select().from(topics).where(eq(topics.slug, result.slug));
  return row;
}

export async function createCommentFor(author: TestUser, slug: string, body: string, parentId?: number) {
  const result = await createComment({ author, slug, body, parentId });
  if (!result.ok) throw new Error(`Beitrag nicht angelegt: ${result.errors.form}`);
  return result.commentId;
}
