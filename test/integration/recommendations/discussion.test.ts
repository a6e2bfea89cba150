import { describe, expect, it } from "vitest";
import * as detail from "../../../app/routes/empfehlungen.$id._index";
import * as topicPage from "../../../app/routes/themen.$slug._index";
import { closeVote, startVote } from "../../../app/recommendations/voting.server";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { executableMarkup, executableMarkupInPage } from "../topics/topics-html-check";
import { XSS_PAYLOADS } from "../topics/topics-xss-corpus";
import { createDraft, expectOk } from "./recommendation-fixtures";

const params = (id: number) => ({ id: String(id) });

describe("a recommendation's discussion is a topic of the one comment system", () => {
  it("takes comments on the recommendation page, shows them with the draft version, and replies and edits on the topic page", async () => {
    const author = await createUser("expert");
    const other = await createUser("expert");
    const id = await createDraft(author);
    const posted = await callRoute(detail.action, `/empfehlungen/${id}`, {
      user: other,
      params: params(id),
      form: { intent: "comment", comment: "Zu **Fassung 1**: gut." },
    });
    expect(posted.status).toBe(303);
    const page = await jsonOf(await callRoute(detail.loader, `/empfehlungen/${id}`, { user: author, params: params(id) }));
    expect(page.discussion.comments).toEqual([
      expect.objectContaining({ versionNumber: 1, authorName: other.name, html: "<p>Zu <strong>Fassung 1</strong>: gut.</p>\n" }),
    ]);
    const slug: string = page.discussion.slug;

    const topic = await jsonOf(await callRoute(topicPage.loader, `/themen/${slug}`, { user: author, params: { slug } }));
    expect(topic.recommendation).toEqual({ id, title: expect.any(String) });
    const rootId = topic.threads[0].id;
    const reply = await callRoute(topicPage.action, `/themen/${slug}?index`, {
      user: author,
      params: { slug },
      form: { intent: "comment", body: "Danke!", parentId: String(rootId) },
    });
    expect(reply.status).toBe(302);
    const after = await jsonOf(await callRoute(topicPage.loader, `/themen/${slug}`, { user: author, params: { slug } }));
    expect(after.threads[0].replies.map((r: { html: string }) => r.html)).toEqual(["<p>Danke!</p>\n"]);
  });

  it("is board-only: council members and visitors cannot open the topic", async () => {
    const author = await createUser("expert");
    const id = await createDraft(author);
    const page = await jsonOf(await callRoute(detail.loader, `/empfehlungen/${id}`, { user: author, params: params(id) }));
    const slug: string = page.discussion.slug;
    for (const user of [await createUser("council"), null]) {
      const response = await callRoute(topicPage.loader, `/themen/${slug}`, { user, params: { slug } }).catch((thrown: Response) => thrown);
      expect(response.status).toBe(404);
    }
  });

  it("closes with the vote: no new comments afterwards, also not through the topic page", async () => {
    const author = await createUser("expert");
    const staff = await createUser("staff");
    const id = await createDraft(author);
    const page = await jsonOf(await callRoute(detail.loader, `/empfehlungen/${id}`, { user: author, params: params(id) }));
    const slug: string = page.discussion.slug;
    await expectOk(startVote({ actor: staff, id, deadline: new Date(Date.now() + 86_400_000) }));
    await expectOk(closeVote({ actor: staff, id }));
    const refused = await callRoute(detail.action, `/empfehlungen/${id}`, {
      user: author,
      params: params(id),
      form: { intent: "comment", comment: "Zu spät" },
    });
    expect(refused.status).toBe(409);
    const viaTopic = await callRoute(topicPage.action, `/themen/${slug}?index`, {
      user: author,
      params: { slug },
      form: { intent: "comment", body: "Zu spät" },
    });
    expect(viaTopic.status).toBe(409);
  });

  it("renders every XSS payload posted on the recommendation page without executable markup, and marks foreign links", async () => {
    const author = await createUser("expert");
    const id = await createDraft(author);
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const response = await callRoute(detail.action, `/empfehlungen/${id}`, {
        user: author,
        params: params(id),
        form: { intent: "comment", comment: `Nr. ${index}: ${payload}` },
      });
      expect(response.status, payload).toBe(303);
    }
    await callRoute(detail.action, `/empfehlungen/${id}`, {
      user: author,
      params: params(id),
      form: { intent: "comment", comment: "[extern](https://evil.example/)" },
    });
    const page = await jsonOf(await callRoute(detail.loader, `/empfehlungen/${id}`, { user: author, params: params(id) }));
    const slug: string = page.discussion.slug;
    const threads = [];
    for (const n of [1, 2])
      threads.push(...(await jsonOf(await callRoute(topicPage.loader, `/themen/${slug}?seite=${n}`, { user: author, params: { slug } }))).threads);
    expect(threads).toHaveLength(XSS_PAYLOADS.length + 1);
    for (const thread of threads) expect(executableMarkup(thread.html)).toEqual([]);
    expect(threads.at(-1).html).toContain('rel="nofollow noopener noreferrer"');
    // The recommendation page shows the newest comments itself.
    expect(page.discussion.comments.length).toBeGreaterThan(0);
    for (const comment of page.discussion.comments) expect(executableMarkupInPage(comment.html)).toEqual([]);
    // Fifty-odd comments through the real action: 4–8 s alone, over 30 s at load 15 (the timeout
    // that failed it); the bound is for a hang, not for speed.
  }, 120_000);
});
