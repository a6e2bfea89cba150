import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, commentVersions, comments, topics, users } from "../../../db/schema";
import { listCommentThreads } from "../../../app/topics/comments.server";
import * as topicPage from "../../../app/routes/themen.$slug._index";
import * as editComment from "../../../app/routes/themen.$slug.beitrag.$id.bearbeiten";
import * as history from "../../../app/routes/themen.$slug.beitrag.$id.verlauf";
import * as commentLink from "../../../app/routes/themen.$slug.beitrag.$id._index";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { auditFor } from "../../support/audit";
import { createCommentFor, createTopicFor } from "./topics-fixtures";

const post = (slug: string, user: Awaited<ReturnType<typeof createUser>>, form: Record<string, string>) =>
  callRoute(topicPage.action, `/themen/${slug}?index`, { user, params: { slug }, form });

async function countRows() {
  const [c] = await db.$count(comments).then((n) => [n]);
  const [v] = await db.$count(commentVersions).then((n) => [n]);
  return { comments: c, versions: v };
}

describe("writing comments", () => {
  it("creates a comment and a reply, redirects to the comment's page and bumps the topic's activity", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const first = await post(topic.slug, expert, { intent: "comment", body: "Erster **Beitrag**" });
    expect(first.status).toBe(302);
    const [row] = await db.select().from(comments).where(eq(comments.topicId, topic.id));
    expect(first.headers.get("Location")).toBe(`/themen/${topic.slug}?seite=1#comment-${row.id}`);
    // The next post from that page differs only by its hash: the client must still reload the thread.
    expect(first.headers.get("X-Remix-Revalidate")).toBe("yes");
    const reply = await post(topic.slug, expert, { intent: "comment", body: "Antwort", parentId: String(row.id) });
    expect(reply.status).toBe(302);
    const [after] = await db.select().from(topics).where(eq(topics.id, topic.id));
    expect(after.lastActivityAt.getTime()).toBeGreaterThanOrEqual(topic.lastActivityAt.getTime());
    const page = await jsonOf(await callRoute(topicPage.loader, `/themen/${topic.slug}`, { user: expert, params: { slug: topic.slug } }));
    expect(page.threads).toHaveLength(1);
    expect(page.threads[0].html).toContain("<strong>Beitrag</strong>");
    expect(page.threads[0].replies.map((r: { html: string }) => r.html.trim())).toEqual(["<p>Antwort</p>"]);
    expect(page.threads[0].author).toMatchObject({ name: expert.name, organisation: "Testorganisation", role: "expert" });
  });

  it("refuses a reply to a reply, empty and over-long text, and writes nothing", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const root = await createCommentFor(expert, topic.slug, "Wurzel");
    const child = await createCommentFor(expert, topic.slug, "Antwort", root);
    const before = await countRows();
    const nested = await post(topic.slug, expert, { intent: "comment", body: "Zu tief", parentId: String(child) });
    expect(nested.status).toBe(422);
    expect(JSON.stringify(await nested.json())).toContain("Auf Antworten kann nicht geantwortet werden");
    const empty = await post(topic.slug, expert, { intent: "comment", body: "   \r\n " });
    expect(empty.status).toBe(422);
    expect((await empty.json()).errors.body).toBe("Bitte schreiben Sie einen Text.");
    const long = await post(topic.slug, expert, { intent: "comment", body: "x".repeat(20_001) });
    expect(long.status).toBe(422);
    expect((await long.json()).errors.body).toContain("20.000");
    const garbageParent = await post(topic.slug, expert, { intent: "comment", body: "Hallo", parentId: "abc" });
    expect(garbageParent.status).toBe(422);
    const foreignParent = await post(topic.slug, expert, { intent: "comment", body: "Hallo", parentId: "999999" });
    expect(foreignParent.status).toBe(422);
    expect(await countRows()).toEqual(before);
  });

  it("accepts exactly 20,000 characters, counting CRLF line breaks once", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const body = `${"a".repeat(9_999)}\r\n${"b".repeat(10_000)}`;
    expect((await post(topic.slug, expert, { intent: "comment", body })).status).toBe(302);
  });

  it("refuses comments on closed topics and on topics the writer cannot see", async () => {
    const expert = await createUser("expert");
    const closed = await createTopicFor(expert, { status: "closed" });
    const response = await post(closed.slug, expert, { intent: "comment", body: "Noch etwas" });
    expect(response.status).toBe(409);
    expect(JSON.stringify(await response.json())).toContain("geschlossen");
    for (const slug of ["gibt-es-nicht", "nul\u0000byte", "GROSS", "x".repeat(500)]) {
      expect((await post(slug, expert, { intent: "comment", body: "Hallo" })).status).toBe(404);
      expect((await callRoute(topicPage.loader, "/", { user: expert, params: { slug } })).status).toBe(404);
    }
    const council = await createUser("council");
    const internal = await createTopicFor(expert, { visibility: "internal" });
    expect((await post(internal.slug, council, { intent: "comment", body: "Hallo" })).status).toBe(403);
    expect(await db.$count(comments, eq(comments.topicId, closed.id))).toBe(0);
  });

  it("previews without saving (no JavaScript)", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const response = await post(topic.slug, expert, { intent: "preview", body: "# Titel\n<script>alert(1)</script>" });
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.previewHtml).toContain("<h1>Titel</h1>");
    expect(data.previewHtml).not.toContain("<script");
    expect(data.values.body).toContain("# Titel");
    expect(await db.$count(comments, eq(comments.topicId, topic.id))).toBe(0);
  });
});

describe("editing, history, deleting, moderation", () => {
  it("keeps every version, marks the comment as edited and shows the history", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const id = await createCommentFor(expert, topic.slug, "Fassung eins");
    const path = `/themen/${topic.slug}/beitrag/${id}/bearbeiten`;
    const params = { slug: topic.slug, id: String(id) };
    for (const body of ["Fassung zwei", "Fassung drei"]) {
      const response = await callRoute(editComment.action, path, { user: expert, params, form: { intent: "save", body } });
      expect(response.status).toBe(302);
    }
    const versions = await db.select().from(commentVersions).where(eq(commentVersions.commentId, id));
    expect(versions.map((v) => [v.version, v.body]).sort()).toEqual([
      [1, "Fassung eins"],
      [2, "Fassung zwei"],
      [3, "Fassung drei"],
    ]);
    const page = await jsonOf(await callRoute(topicPage.loader, `/themen/${topic.slug}`, { user: expert, params: { slug: topic.slug } }));
    expect(page.threads[0].editedAt).not.toBeNull();
    const forVisitor = await callRoute(history.loader, `/themen/${topic.slug}/beitrag/${id}/verlauf`, { user: null, params });
    expect(forVisitor.status).toBe(404);
    const historyResponse = await callRoute(history.loader, `/themen/${topic.slug}/beitrag/${id}/verlauf`, { user: expert, params });
    const data = await jsonOf(historyResponse);
    expect(data.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const audit = await auditFor("comment.edited", id);
    expect(audit).toHaveLength(2);
  });

  it("refuses editing another member's comment (403) and changes nothing", async () => {
    const [author, other, staff] = await Promise.all([createUser("expert"), createUser("expert"), createUser("staff")]);
    const topic = await createTopicFor(author);
    const id = await createCommentFor(author, topic.slug, "Original");
    const params = { slug: topic.slug, id: String(id) };
    for (const user of [other, staff]) {
      const response = await callRoute(editComment.action, `/themen/${topic.slug}/beitrag/${id}/bearbeiten`, {
        user,
        params,
        form: { intent: "save", body: "Fremd" },
      });
      expect(response.status).toBe(403);
      expect((await post(topic.slug, user, { intent: "delete", commentId: String(id) })).status).toBe(403);
    }
    const [row] = await db.select().from(comments).where(eq(comments.id, id));
    expect(row).toMatchObject({ body: "Original", deletedAt: null });
  });

  it("soft-deletes: the place stays as 'Beitrag gelöscht' and replies keep their context", async () => {
    const [author, other] = await Promise.all([createUser("expert"), createUser("expert")]);
    const topic = await createTopicFor(author);
    const id = await createCommentFor(author, topic.slug, "Geheimer Text");
    await createCommentFor(other, topic.slug, "Antwort bleibt", id);
    expect((await post(topic.slug, author, { intent: "delete", commentId: String(id) })).status).toBe(302);
    const page = await jsonOf(await callRoute(topicPage.loader, `/themen/${topic.slug}`, { user: other, params: { slug: topic.slug } }));
    expect(page.threads[0]).toMatchObject({ state: "deleted", html: null });
    expect(JSON.stringify(page)).not.toContain("Geheimer Text");
    expect(page.threads[0].replies[0].html).toContain("Antwort bleibt");
    const again = await post(topic.slug, author, { intent: "delete", commentId: String(id) });
    expect(again.status).toBe(409);
  });

  it("lets staff hide a comment with a reason (audited) and shows the reason instead of the text", async () => {
    const [author, staff, council] = await Promise.all([createUser("expert"), createUser("staff"), createUser("council")]);
    const topic = await createTopicFor(author, { visibility: "public" });
    const id = await createCommentFor(author, topic.slug, "Beleidigender Text");
    const missingReason = await post(topic.slug, staff, { intent: "hide", commentId: String(id), reason: " " });
    expect(missingReason.status).toBe(422);
    expect((await post(topic.slug, author, { intent: "hide", commentId: String(id), reason: "x" })).status).toBe(403);
    expect((await post(topic.slug, staff, { intent: "hide", commentId: String(id), reason: "Persönlicher Angriff" })).status).toBe(302);
    const [event] = await auditFor("comment.hidden", id);
    expect(event.details).toMatchObject({ reason: "Persönlicher Angriff" });
    const forCouncil = await jsonOf(await callRoute(topicPage.loader, `/themen/${topic.slug}`, { user: council, params: { slug: topic.slug } }));
    expect(forCouncil.threads[0]).toMatchObject({ state: "hidden", html: null, hiddenReason: "Persönlicher Angriff" });
    const forStaff = await jsonOf(await callRoute(topicPage.loader, `/themen/${topic.slug}`, { user: staff, params: { slug: topic.slug } }));
    expect(forStaff.threads[0].html).toContain("Beleidigender Text");
    expect((await post(topic.slug, staff, { intent: "unhide", commentId: String(id) })).status).toBe(302);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "comment.unhidden"))).toBe(1);
  });
});

describe("authors and visibility in the model", () => {
  it("shows a deleted account as 'ehemaliges Mitglied' without organisation or role", async () => {
    const [gone, reader] = await Promise.all([createUser("expert"), createUser("expert")]);
    const topic = await createTopicFor(reader);
    await createCommentFor(gone, topic.slug, "Alter Beitrag");
    await db.update(users).set({ deletedAt: new Date(), email: null, passwordHash: null, name: null }).where(eq(users.id, gone.id));
    const page = await jsonOf(await callRoute(topicPage.loader, "/", { user: reader, params: { slug: topic.slug } }));
    expect(page.threads[0].author).toEqual({ name: "ehemaliges Mitglied", organisation: null, role: null });
  });

  it("returns no comments of an internal topic to council members even when asked by id", async () => {
    const [expert, council] = await Promise.all([createUser("expert"), createUser("council")]);
    const topic = await createTopicFor(expert, { visibility: "internal" });
    await createCommentFor(expert, topic.slug, "Intern");
    expect((await listCommentThreads({ reader: council, topicId: topic.id, page: 1 })).threads).toEqual([]);
    expect((await listCommentThreads({ reader: null, topicId: topic.id, page: 1 })).threadCount).toBe(0);
    expect((await listCommentThreads({ reader: expert, topicId: topic.id, page: 1 })).threads).toHaveLength(1);
  });
});

describe("pagination and stable links", () => {
  it("puts 50 threads on a page, links each comment to its page and answers 404 past the end", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const ids: number[] = [];
    for (let i = 0; i < 52; i++) ids.push(await createCommentFor(expert, topic.slug, `Beitrag ${i}`));
    const reply = await createCommentFor(expert, topic.slug, "Antwort auf Nr. 51", ids[51]);
    const params = (id: number) => ({ slug: topic.slug, id: String(id) });
    const link = (id: number) => callRoute(commentLink.loader, `/themen/${topic.slug}/beitrag/${id}`, { user: expert, params: params(id) });
    expect((await link(ids[0])).headers.get("Location")).toBe(`/themen/${topic.slug}?seite=1#comment-${ids[0]}`);
    expect((await link(ids[49])).headers.get("Location")).toBe(`/themen/${topic.slug}?seite=1#comment-${ids[49]}`);
    expect((await link(ids[50])).headers.get("Location")).toBe(`/themen/${topic.slug}?seite=2#comment-${ids[50]}`);
    expect((await link(reply)).headers.get("Location")).toBe(`/themen/${topic.slug}?seite=2#comment-${reply}`);
    expect((await callRoute(commentLink.loader, "/x", { user: expert, params: { slug: topic.slug, id: "abc" } })).status).toBe(404);
    const page2 = await jsonOf(await callRoute(topicPage.loader, `/themen/${topic.slug}?seite=2`, { user: expert, params: { slug: topic.slug } }));
    expect(page2.threads.map((t: { id: number }) => t.id)).toEqual([ids[50], ids[51]]);
    const past = await callRoute(topicPage.loader, `/themen/${topic.slug}?seite=3`, { user: expert, params: { slug: topic.slug } });
    expect(past.status).toBe(404);
    expect(await past.text()).toBe("Diese Seite der Diskussion gibt es nicht.");
  });
});
