import { describe, expect, it, beforeAll } from "vitest";
import * as searchRoute from "../../../app/routes/suche";
import { search, SEARCH_PAGE_SIZE, snippetSegments } from "../../../app/search/search.server";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { createCommentFor, createTopicFor } from "./topics-fixtures";

let expert: TestUser;
let council: TestUser;

beforeAll(async () => {
  [expert, council] = await Promise.all([createUser("expert"), createUser("council")]);
  const chatbot = await createTopicFor(expert, { title: "Chatbot für das Bürgerbüro", body: "Ein Chatbot beantwortet Fragen.", visibility: "internal" });
  await createCommentFor(expert, chatbot.slug, "Wir haben mehrere Sicherheitslücken im VPN gefunden.");
  const hidden = await createCommentFor(expert, chatbot.slug, "Ausgeblendeter Wasserstand-Kommentar");
  const deleted = await createCommentFor(expert, chatbot.slug, "Gelöschter Wasserstand-Kommentar");
  const { setCommentHidden, deleteComment } = await import("../../../app/topics/comment-write.server");
  const staff = await createUser("staff");
  await setCommentHidden({ actor: staff, slug: chatbot.slug, commentId: hidden, reason: "Test" });
  await deleteComment({ actor: expert, slug: chatbot.slug, commentId: deleted });
  const ozg = await createTopicFor(expert, { title: "Onlinezugang für Leistungen", body: "293 Leistungen sind digital.", visibility: "public" });
  await createCommentFor(expert, ozg.slug, "Öffentliche Leistungen mit <b>Markup</b> & Sonderzeichen");
  for (let i = 0; i < SEARCH_PAGE_SIZE + 5; i++) await createCommentFor(expert, ozg.slug, `Rückmeldung Nummer ${i} zur Parkraumbewirtschaftung`);
});

describe("German full-text search", () => {
  it("finds inflected forms: 'Chatbots' finds 'Chatbot', 'Sicherheitslücke' finds 'Sicherheitslücken'", async () => {
    const chatbots = await search({ reader: expert, text: "Chatbots", page: 1 });
    expect(chatbots.hits.map((hit) => hit.title)).toContain("Chatbot für das Bürgerbüro");
    const gap = await search({ reader: expert, text: "Sicherheitslücke", page: 1 });
    expect(gap.hits).toHaveLength(1);
    expect(gap.hits[0]).toMatchObject({ type: "comment", title: "Chatbot für das Bürgerbüro" });
    expect(gap.hits[0].url).toMatch(/^\/themen\/chatbot-fuer-das-buergerbuero\/beitrag\/\d+$/);
    expect(
      snippetSegments(gap.hits[0].snippet)
        .filter((s) => s.highlight)
        .map((s) => s.text),
    ).toEqual(["Sicherheitslücken"]);
  });

  it("supports websearch syntax (quotes, exclusion, or)", async () => {
    expect((await search({ reader: expert, text: '"Chatbot beantwortet"', page: 1 })).total).toBe(1);
    expect((await search({ reader: expert, text: "Chatbot -Bürgerbüro", page: 1 })).total).toBe(0);
    expect((await search({ reader: expert, text: "Sicherheitslücke or Onlinezugang", page: 1 })).total).toBe(2);
  });

  it("shows visitors and council members only public topics and their comments, never hidden or deleted comments", async () => {
    for (const reader of [null, council]) {
      expect((await search({ reader, text: "Chatbot", page: 1 })).total).toBe(0);
      expect((await search({ reader, text: "Sicherheitslücken", page: 1 })).total).toBe(0);
      expect((await search({ reader, text: "Onlinezugang", page: 1 })).total).toBe(1);
    }
    expect((await search({ reader: expert, text: "Wasserstand", page: 1 })).total).toBe(0);
  });

  it("paginates with a stable order and reports the total", async () => {
    const first = await search({ reader: null, text: "Parkraumbewirtschaftung", page: 1 });
    const second = await search({ reader: null, text: "Parkraumbewirtschaftung", page: 2 });
    expect(first.total).toBe(SEARCH_PAGE_SIZE + 5);
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(second.hits).toHaveLength(5);
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.url)).size).toBe(SEARCH_PAGE_SIZE + 5);
  });

  it("keeps markup in snippets as text for React to escape", async () => {
    const result = await search({ reader: null, text: "Sonderzeichen", page: 1 });
    const text = snippetSegments(result.hits[0].snippet)
      .map((s) => s.text)
      .join("");
    // Raw "<" and "&" stay plain text (not entities, not tags): React escapes them when rendering.
    expect(text).toMatch(/<b Markup<\/b +& Sonderzeichen/);
  });

  it("answers stop words only, empty and over-long queries without a 500", async () => {
    expect((await search({ reader: expert, text: "der die das", page: 1 })).total).toBe(0);
    const empty = await callRoute(searchRoute.loader, "/suche?q=", { user: expert });
    expect(empty.status).toBe(200);
    const long = await callRoute(searchRoute.loader, `/suche?q=${"a".repeat(201)}`, { user: expert });
    expect(long.status).toBe(400);
    expect((await long.json()).error).toBe("Der Suchbegriff darf höchstens 200 Zeichen lang sein.");
    const odd = await callRoute(searchRoute.loader, `/suche?q=${encodeURIComponent('"&|!:*()\\')}`, { user: expert });
    expect(odd.status).toBe(200);
    const nul = await callRoute(searchRoute.loader, "/suche?q=Chat%00bot", { user: expert });
    expect(nul.status).toBe(200);
  });

  it("answers a page past the end with 404 and a German message", async () => {
    const response = await callRoute(searchRoute.loader, "/suche?q=Parkraumbewirtschaftung&seite=9", { user: null });
    expect(response.status).toBe(404);
    expect((await jsonOf(response)).error).toBe("Diese Seite der Suchergebnisse gibt es nicht.");
    const page2 = await jsonOf(await callRoute(searchRoute.loader, "/suche?q=Parkraumbewirtschaftung&seite=2", { user: null }));
    expect(page2.hits).toHaveLength(5);
  });
});
