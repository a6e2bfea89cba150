import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as topicPage from "../../../app/routes/themen.$slug._index";
import { CommentView } from "../../../app/topics/ui/comment-view";
import { db } from "../../../db/client.server";
import { comments } from "../../../db/schema";
import { markdownStamp } from "../../../app/server/markdown/stored.server";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { executableMarkup, executableMarkupInPage } from "./topics-html-check";
import { XSS_PAYLOADS } from "./topics-xss-corpus";
import { createTopicFor } from "./topics-fixtures";

describe("XSS through the real comment action", () => {
  it("has a corpus of at least 50 payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it("the checker itself finds executable markup (so the test can fail)", () => {
    expect(executableMarkup('<img src=x onerror="alert(1)">')).not.toEqual([]);
    expect(executableMarkup('<a href="java&#x09;script:alert(1)">x</a>')).not.toEqual([]);
    expect(executableMarkup('<p onclick="x">a</p>')).not.toEqual([]);
    expect(executableMarkup('<p><a href="https://example.org" rel="nofollow noopener noreferrer">a</a></p>')).toEqual([]);
    expect(executableMarkupInPage('<div class="x"><svg onload="alert(1)"></svg></div>')).toEqual(["<svg>", "svg[onload]"]);
    expect(executableMarkupInPage("<p>&lt;img src=x onerror=alert(1)&gt;</p>")).toEqual([]);
  });

  it("stores every payload and renders the topic page without executable markup", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert, { visibility: "public" });
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const response = await callRoute(topicPage.action, `/themen/${topic.slug}?index`, {
        user: expert,
        params: { slug: topic.slug },
        form: { intent: "comment", body: `Nr. ${index}: ${payload}` },
      });
      expect(response.status, payload).toBe(302);
      const preview = await callRoute(topicPage.action, `/themen/${topic.slug}?index`, {
        user: expert,
        params: { slug: topic.slug },
        form: { intent: "preview", body: payload },
      });
      expect(executableMarkup((await preview.json()).previewHtml), payload).toEqual([]);
    }
    const threads = [];
    for (const page of [1, 2]) {
      const data = await jsonOf(await callRoute(topicPage.loader, `/themen/${topic.slug}?seite=${page}`, { user: null, params: { slug: topic.slug } }));
      threads.push(...data.threads);
    }
    expect(threads).toHaveLength(XSS_PAYLOADS.length);
    // The page read the HTML stored at write time (current stamp), not a fresh rendering.
    const stored = await db.select({ html: comments.bodyHtml, stamp: comments.htmlStamp }).from(comments).where(eq(comments.topicId, topic.id));
    expect(stored).toHaveLength(XSS_PAYLOADS.length);
    for (const row of stored) {
      expect(row.stamp).toBe(markdownStamp("portal"));
      expect(executableMarkup(row.html ?? "<img onerror=x>")).toEqual([]);
    }
    for (const [index, thread] of threads.entries()) {
      expect(executableMarkup(thread.html), XSS_PAYLOADS[index]).toEqual([]);
      // The full rendered comment (byline, links, actions) as React sends it to the browser.
      const html = renderToString(
        CommentView({ slug: topic.slug, comment: thread, permissions: { comment: false, moderate: false }, feedback: undefined, isReply: false }),
      );
      expect(executableMarkupInPage(html), XSS_PAYLOADS[index]).toEqual([]);
    }
    // Fifty-odd comments through the real action: a bound for a hang, not for speed (load 15 took 24 s).
  }, 120_000);

  it("marks links to other hosts nofollow noopener and leaves own links alone", async () => {
    const expert = await createUser("expert");
    const topic = await createTopicFor(expert);
    const body = "[extern](https://evil.example/) und [intern](http://localhost:3000/themen) und [relativ](/suche)";
    await callRoute(topicPage.action, "/", { user: expert, params: { slug: topic.slug }, form: { intent: "comment", body } });
    const data = await jsonOf(await callRoute(topicPage.loader, "/", { user: expert, params: { slug: topic.slug } }));
    const html: string = data.threads[0].html;
    expect(html).toContain('<a href="https://evil.example/" rel="nofollow noopener noreferrer">extern</a>');
    expect(html).toContain('<a href="http://localhost:3000/themen">intern</a>');
    expect(html).toContain('<a href="/suche">relativ</a>');
  });
});
