import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, topicFields, topicReads, topics } from "../../../db/schema";
import * as dashboard from "../../../app/routes/_index";
import * as fieldsRoute from "../../../app/routes/themen.handlungsfelder";
import * as topicList from "../../../app/routes/themen._index";
import * as newTopic from "../../../app/routes/themen.neu";
import * as topicPage from "../../../app/routes/themen.$slug._index";
import * as editTopic from "../../../app/routes/themen.$slug.bearbeiten";
import { slugify } from "../../../app/topics/slug.server";
import { createTopic } from "../../../app/topics/topics.server";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { createCommentFor, createFieldRow, createTopicFor } from "./topics-fixtures";

describe("topics", () => {
  it("derives a unique slug with German umlauts transliterated", async () => {
    expect(slugify("Chatbot „Schängel“ für die Bürgerkommunikation")).toBe("chatbot-schaengel-fuer-die-buergerkommunikation");
    expect(slugify("Größe & Maß: Öl, Café")).toBe("groesse-mass-oel-cafe");
    expect(slugify("!!!")).toBe("thema");
    const expert = await createUser("expert");
    const fieldId = await createFieldRow();
    const slugs = [];
    for (let i = 0; i < 3; i++) {
      const response = await callRoute(newTopic.action, "/themen/neu", {
        user: expert,
        form: { intent: "save", title: "Über Straßen", body: "", fieldId: String(fieldId), visibility: "public" },
      });
      slugs.push(response.headers.get("Location"));
    }
    expect(slugs).toEqual(["/themen/ueber-strassen", "/themen/ueber-strassen-2", "/themen/ueber-strassen-3"]);
    const reserved = await callRoute(newTopic.action, "/themen/neu", {
      user: expert,
      form: { intent: "save", title: "Neu", body: "", fieldId: String(fieldId), visibility: "public" },
    });
    expect(reserved.headers.get("Location")).toBe("/themen/neu-2");
    expect(await db.$count(auditEvents, eq(auditEvents.action, "topic.created"))).toBeGreaterThanOrEqual(4);
  });

  it("gives concurrent topics with the same title distinct slugs", async () => {
    const expert = await createUser("expert");
    const fieldId = await createFieldRow();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => createTopic({ author: expert, input: { title: "Gleichzeitig eröffnet", body: "", fieldId, visibility: "internal" } })),
    );
    const slugs = results.map((result) => (result.ok ? result.slug : "fehler")).sort();
    expect(slugs).toEqual(["gleichzeitig-eroeffnet", "gleichzeitig-eroeffnet-2", "gleichzeitig-eroeffnet-3", "gleichzeitig-eroeffnet-4"]);
  });

  it("marks comments by others since the last read as new on the topic page", async () => {
    const [author, reader] = await Promise.all([createUser("expert"), createUser("expert")]);
    const topic = await createTopicFor(author);
    await createCommentFor(author, topic.slug, "Vor dem Lesen");
    const flags = async () =>
      (await jsonOf(await callRoute(topicPage.loader, "/", { user: reader, params: { slug: topic.slug } }))).threads.map((c: { isNew: boolean }) => c.isNew);
    expect(await flags()).toEqual([true]);
    expect(await flags()).toEqual([true]);
    await callRoute(topicPage.action, "/", { user: reader, params: { slug: topic.slug }, form: { intent: "markRead" } });
    expect(await flags()).toEqual([false]);
    await createCommentFor(author, topic.slug, "Nach dem Lesen");
    // Writing a comment counts as having read everything before it.
    await createCommentFor(reader, topic.slug, "Eigener Beitrag");
    await createCommentFor(author, topic.slug, "Ganz neu");
    expect(await flags()).toEqual([false, false, false, true]);
  });

  it("rejects bad topic input with German field errors and writes nothing", async () => {
    const expert = await createUser("expert");
    const before = await db.$count(topics);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ title: "ab" }, "title", "Der Titel muss mindestens 3 Zeichen lang sein."],
      [{ title: "x".repeat(201) }, "title", "Der Titel darf höchstens 200 Zeichen lang sein."],
      [{ body: "x".repeat(20_001) }, "body", "Der Text darf höchstens 20.000 Zeichen lang sein."],
      [{ fieldId: "abc" }, "fieldId", "Bitte wählen Sie ein Handlungsfeld."],
      [{ fieldId: "999999" }, "fieldId", "Bitte wählen Sie ein vorhandenes Handlungsfeld."],
      [{ visibility: "geheim" }, "visibility", "Bitte wählen Sie die Sichtbarkeit."],
    ];
    const fieldId = String(await createFieldRow());
    for (const [override, field, message] of cases) {
      const form = { intent: "save", title: "Gültiger Titel", body: "", fieldId, visibility: "internal", ...override };
      const response = await callRoute(newTopic.action, "/themen/neu", { user: expert, form });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect((await response.json()).errors[field]).toBe(message);
    }
    expect(await db.$count(topics)).toBe(before);
  });

  it("closes a topic (audited), after which it takes no comments", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const form = { intent: "save", title: topic.title, body: topic.body, fieldId: String(topic.fieldId), visibility: "internal", status: "closed" };
    const response = await callRoute(editTopic.action, "/", { user: expert, params: { slug: topic.slug }, form });
    expect(response.status).toBe(302);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.objectId, String(topic.id)));
    expect(event).toBeDefined();
    const comment = await callRoute(topicPage.action, "/", { user: expert, params: { slug: topic.slug }, form: { intent: "comment", body: "Zu spät" } });
    expect(comment.status).toBe(409);
    const page = await jsonOf(await callRoute(topicPage.loader, "/", { user: expert, params: { slug: topic.slug } }));
    expect(page.permissions.comment).toBe(false);
  });

  it("sorts by last activity, counts comments and marks unread topics until a POST marks them read", async () => {
    const [author, reader] = await Promise.all([createUser("expert"), createUser("expert")]);
    const fieldId = await createFieldRow();
    const older = await createTopicFor(author, { title: "Älteres Thema", fieldId });
    const newer = await createTopicFor(author, { title: "Neueres Thema", fieldId });
    await createCommentFor(author, older.slug, "Neuer Beitrag im älteren Thema");
    const list = async () => (await jsonOf(await callRoute(topicList.loader, `/themen?feld=${fieldId}`, { user: reader }))).topics;
    const before = await list();
    expect(before.map((t: { slug: string }) => t.slug)).toEqual([older.slug, newer.slug]);
    expect(before.map((t: { commentCount: number }) => t.commentCount)).toEqual([1, 0]);
    expect(before.every((t: { unread: boolean }) => t.unread)).toBe(true);
    // Loading the page must not write a read mark.
    await callRoute(topicPage.loader, "/", { user: reader, params: { slug: older.slug } });
    expect(await db.$count(topicReads, eq(topicReads.userId, reader.id))).toBe(0);
    const mark = await callRoute(topicPage.action, "/", { user: reader, params: { slug: older.slug }, form: { intent: "markRead" } });
    expect(mark.status).toBe(200);
    expect((await list()).map((t: { unread: boolean }) => t.unread)).toEqual([false, true]);
    const forAuthor = (await jsonOf(await callRoute(topicList.loader, `/themen?feld=${fieldId}`, { user: author }))).topics;
    expect(forAuthor.map((t: { unread: boolean }) => t.unread)).toEqual([false, false]);
    expect((await callRoute(topicList.loader, "/themen?seite=99", { user: reader })).status).toBe(404);
  });

  it("counts per field of action only the topics the reader may see", async () => {
    const [expert, council] = await Promise.all([createUser("expert"), createUser("council")]);
    const fieldId = await createFieldRow("Zählfeld");
    await createTopicFor(expert, { fieldId, visibility: "public" });
    await createTopicFor(expert, { fieldId, visibility: "internal" });
    const count = async (user: typeof expert) =>
      (await jsonOf(await callRoute(topicList.loader, "/themen", { user }))).fields.find((f: { id: number }) => f.id === fieldId).topicCount;
    expect(await count(expert)).toBe(2);
    expect(await count(council)).toBe(1);
  });

  it("lists followed topics with new comments by others on the dashboard", async () => {
    const [follower, other] = await Promise.all([createUser("expert"), createUser("expert")]);
    const topic = await createTopicFor(other, { title: "Gefolgtes Thema" });
    await callRoute(topicPage.action, "/", { user: follower, params: { slug: topic.slug }, form: { intent: "follow" } });
    const news = async () => (await jsonOf(await callRoute(dashboard.loader, "/", { user: follower }))).followedTopics;
    expect(await news()).toEqual([]);
    await createCommentFor(follower, topic.slug, "Eigener Beitrag zählt nicht");
    expect(await news()).toEqual([]);
    await createCommentFor(other, topic.slug, "Neu 1");
    await createCommentFor(other, topic.slug, "Neu 2");
    expect(await news()).toMatchObject([{ slug: topic.slug, newComments: 2 }]);
    await callRoute(topicPage.action, "/", { user: follower, params: { slug: topic.slug }, form: { intent: "markRead" } });
    expect(await news()).toEqual([]);
    await callRoute(topicPage.action, "/", { user: follower, params: { slug: topic.slug }, form: { intent: "unfollow" } });
    await createCommentFor(other, topic.slug, "Neu 3");
    expect(await news()).toEqual([]);
  });
});

describe("fields of action", () => {
  it("creates, renames and deletes unused fields; refuses duplicates and deleting used ones (409)", async () => {
    const staff = await createUser("staff");
    const post = (form: Record<string, string>) => callRoute(fieldsRoute.action, "/themen/handlungsfelder", { user: staff, form });
    expect((await post({ intent: "create", name: "Smart City", position: "60" })).status).toBe(302);
    expect((await post({ intent: "create", name: "smart city", position: "70" })).status).toBe(409);
    expect((await post({ intent: "create", name: "X", position: "70" })).status).toBe(422);
    expect((await post({ intent: "create", name: "Gültig", position: "-1" })).status).toBe(422);
    const [field] = await db.select().from(topicFields).where(eq(topicFields.name, "Smart City"));
    expect((await post({ intent: "update", id: String(field.id), name: "Smart City & Daten", position: "65" })).status).toBe(302);
    const expert = await createUser("expert");
    await createTopicFor(expert, { fieldId: field.id });
    const refused = await post({ intent: "delete", id: String(field.id) });
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors.form).toContain("noch Themen");
    const unused = await createFieldRow("Unbenutzt");
    expect((await post({ intent: "delete", id: String(unused) })).status).toBe(302);
    expect((await post({ intent: "delete", id: String(unused) })).status).toBe(404);
    expect((await post({ intent: "delete", id: "abc" })).status).toBe(400);
    const actions = (await db.select().from(auditEvents)).map((e) => e.action).filter((a) => a.startsWith("topic_field."));
    expect(actions).toEqual(["topic_field.created", "topic_field.updated", "topic_field.deleted"]);
  });
});
