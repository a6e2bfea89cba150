import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { comments, jobs, papers, topics } from "../../../db/schema";
import * as topicPage from "../../../app/routes/themen.$slug._index";
import * as paperPage from "../../../app/routes/vorlagen.$reference._index";
import { createPaper } from "../../../app/papers/papers.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { enqueueStaleMarkdownRendering, MARKDOWN_RENDER_JOB } from "../../../app/server/markdown/rerender-job.server";
import { markdownStamp, renderInMode } from "../../../app/server/markdown/stored.server";
import { MARKDOWN_RENDERER_VERSION } from "../../../app/lib/markdown.server";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { createCommentFor, createTopicFor } from "./topics-fixtures";

const BODY = "**fett** und [extern](https://evil.example/) und [intern](http://localhost:3000/themen)";

async function commentRow(id: number) {
  const [row] = await db.select({ bodyHtml: comments.bodyHtml, htmlStamp: comments.htmlStamp }).from(comments).where(eq(comments.id, id));
  return row;
}

describe("Markdown rendered once at write time", () => {
  it("the stamp names the renderer version and, for portal links, the portal's host", () => {
    expect(markdownStamp("portal")).toBe(`${MARKDOWN_RENDERER_VERSION}@localhost:3000`);
    expect(markdownStamp("plain")).toBe(String(MARKDOWN_RENDERER_VERSION));
  });

  it("a comment and a topic written through the model store their sanitized HTML with the current stamp", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert, { body: BODY });
    expect(topic.bodyHtml).toBe(renderInMode("portal", BODY));
    expect(topic.htmlStamp).toBe(markdownStamp("portal"));
    const id = await createCommentFor(expert, topic.slug, `${BODY} <img src=x onerror=alert(1)>`);
    const row = await commentRow(id);
    expect(row.htmlStamp).toBe(markdownStamp("portal"));
    expect(row.bodyHtml).toContain('<a href="https://evil.example/" rel="nofollow noopener noreferrer">extern</a>');
    expect(row.bodyHtml).toContain('<a href="http://localhost:3000/themen">intern</a>');
    expect(row.bodyHtml).not.toContain("<img");
  });

  it("the page shows the stored HTML when its stamp is current", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const id = await createCommentFor(expert, topic.slug, "Quelle");
    await db.update(comments).set({ bodyHtml: "<p>gespeichert</p>" }).where(eq(comments.id, id));
    const data = await jsonOf(await callRoute(topicPage.loader, "/", { user: expert, params: { slug: topic.slug } }));
    expect(data.threads[0].html).toBe("<p>gespeichert</p>");
  });

  it("a row with an older stamp or none is shown rendered from its source, unwritten, until the job re-renders it", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert, { body: "Thema *neu*" });
    const stale = await createCommentFor(expert, topic.slug, "Alt **gerendert**");
    const missing = await createCommentFor(expert, topic.slug, "Ohne [HTML](https://evil.example/)");
    await db.update(comments).set({ bodyHtml: "<p>veraltet</p>", htmlStamp: "0@localhost:3000" }).where(eq(comments.id, stale));
    await db.update(comments).set({ bodyHtml: null, htmlStamp: null }).where(eq(comments.id, missing));
    await db
      .update(topics)
      .set({ bodyHtml: "<p>veraltet</p>", htmlStamp: `${MARKDOWN_RENDERER_VERSION}@anderer.example` })
      .where(eq(topics.id, topic.id));

    const data = await jsonOf(await callRoute(topicPage.loader, "/", { user: expert, params: { slug: topic.slug } }));
    expect(data.topic.html).toBe(renderInMode("portal", "Thema *neu*"));
    const shown = Object.fromEntries(data.threads.map((thread: { id: number; html: string }) => [thread.id, thread.html]));
    expect(shown[stale]).toBe("<p>Alt <strong>gerendert</strong></p>\n");
    expect(shown[missing]).toContain('rel="nofollow noopener noreferrer"');
    // The loader wrote nothing.
    expect(await commentRow(stale)).toEqual({ bodyHtml: "<p>veraltet</p>", htmlStamp: "0@localhost:3000" });
    expect(await commentRow(missing)).toEqual({ bodyHtml: null, htmlStamp: null });

    await db.delete(jobs).where(eq(jobs.kind, MARKDOWN_RENDER_JOB));
    expect(await enqueueStaleMarkdownRendering()).toBe(true);
    // A second start while the first job is pending queues no second one.
    expect(await enqueueStaleMarkdownRendering()).toBe(false);
    expect(await runDueJobs({ kinds: [MARKDOWN_RENDER_JOB] })).toBe(1);
    expect(await commentRow(stale)).toEqual({ bodyHtml: shown[stale], htmlStamp: markdownStamp("portal") });
    expect(await commentRow(missing)).toEqual({ bodyHtml: shown[missing], htmlStamp: markdownStamp("portal") });
    const [topicRow] = await db.select().from(topics).where(eq(topics.id, topic.id));
    expect(topicRow).toMatchObject({ bodyHtml: data.topic.html, htmlStamp: markdownStamp("portal") });
    // Nothing stale is left anywhere, so the next start queues nothing.
    expect(await enqueueStaleMarkdownRendering()).toBe(false);
  });

  it("the job renders every stale row of a table larger than one batch", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    await createCommentFor(expert, topic.slug, "Erster");
    // 250 stale rows: three batches of 100, each starting after the last id of the one before.
    await db.execute(sql`insert into comments (topic_id, author_id, body)
      select ${topic.id}, ${expert.id}, 'Kommentar **' || n || '**' from generate_series(1, 249) as n`);
    await db.update(comments).set({ bodyHtml: null, htmlStamp: null }).where(eq(comments.topicId, topic.id));
    await db.delete(jobs).where(eq(jobs.kind, MARKDOWN_RENDER_JOB));
    expect(await enqueueStaleMarkdownRendering()).toBe(true);
    expect(await runDueJobs({ kinds: [MARKDOWN_RENDER_JOB] })).toBe(1);
    const rows = await db
      .select({ body: comments.body, bodyHtml: comments.bodyHtml, htmlStamp: comments.htmlStamp })
      .from(comments)
      .where(eq(comments.topicId, topic.id));
    expect(rows).toHaveLength(250);
    for (const row of rows) expect(row).toEqual({ body: row.body, bodyHtml: renderInMode("portal", row.body), htmlStamp: markdownStamp("portal") });
    expect(await enqueueStaleMarkdownRendering()).toBe(false);
  });

  it("a paper stores body and Beschlussempfehlung, and its page reads them; a stale paper is re-rendered by the job", async () => {
    const staff = await createUser("staff");
    const input = {
      reference: "MI/0777/2025",
      paperType: "Mitteilung" as const,
      name: "Gespeicherte Vorlage",
      date: "2025-03-01",
      originator: "Amt 10",
      underDirectionOf: null,
      fileNumber: null,
      body: "Text mit [Link](https://example.org/)",
      resolutionRecommendation: "Die *Empfehlung*",
      isPublic: true,
      relatedReferences: [],
    };
    const created = await createPaper({ actorId: staff.id, input });
    expect(created.ok).toBe(true);
    const [row] = await db.select().from(papers).where(eq(papers.reference, "MI/0777/2025"));
    expect(row).toMatchObject({
      bodyHtml: renderInMode("plain", input.body),
      resolutionRecommendationHtml: renderInMode("plain", input.resolutionRecommendation),
      htmlStamp: markdownStamp("plain"),
    });
    await db.execute(sql`update papers set body_html = '<p>veraltet</p>', html_stamp = '0' where id = ${row.id}`);
    const page = await jsonOf(await callRoute(paperPage.loader, "/vorlagen/MI-0777-2025", { user: staff, params: { reference: "MI-0777-2025" } }));
    expect(page.paper.bodyHtml).toBe(renderInMode("plain", input.body));
    expect(page.paper.resolutionRecommendationHtml).toBe(renderInMode("plain", input.resolutionRecommendation));
    expect(page.paper).not.toHaveProperty("storedBodyHtml");
    await db.delete(jobs).where(eq(jobs.kind, MARKDOWN_RENDER_JOB));
    expect(await enqueueStaleMarkdownRendering()).toBe(true);
    await runDueJobs({ kinds: [MARKDOWN_RENDER_JOB] });
    const [after] = await db.select({ bodyHtml: papers.bodyHtml, htmlStamp: papers.htmlStamp }).from(papers).where(eq(papers.id, row.id));
    expect(after).toEqual({ bodyHtml: renderInMode("plain", input.body), htmlStamp: markdownStamp("plain") });
  });
});
