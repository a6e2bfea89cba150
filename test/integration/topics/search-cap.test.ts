import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as searchRoute from "../../../app/routes/suche";
import { db } from "../../../db/client.server";
import { t } from "../../../app/i18n/de";
import { search, SEARCH_MAX_PAGES, SEARCH_PAGE_SIZE, SEARCH_RESULT_CAP } from "../../../app/search/search.server";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { createCommentFor, createTopicFor } from "./topics-fixtures";

// More matches than the cap: public comments a day old and older, newer internal ones on top.
const PUBLIC_MATCHES = SEARCH_RESULT_CAP + 50;
const INTERNAL_MATCHES = SEARCH_RESULT_CAP + 20;
const WORD = "Glasfaserausbau";

let expert: TestUser;
let publicSlug: string;
let newestPublic: number;
let hiddenNewest: number;

async function bulkComments(topicId: number, authorId: number, count: number, body: string, minutesBack: number) {
  await db.execute(sql`insert into comments (topic_id, author_id, body, created_at)
    select ${topicId}, ${authorId}, ${body} || ' ' || n, now() - make_interval(mins => ${minutesBack} + n)
    from generate_series(1, ${count}) n`);
}

beforeAll(async () => {
  expert = await createUser("expert");
  const staff = await createUser("staff");
  const open = await createTopicFor(expert, { title: "Glasfaser für alle Schulen", body: `Der ${WORD} ist beschlossen.`, visibility: "public" });
  const internal = await createTopicFor(expert, { title: "Interne Ausschreibung", body: "Vergabe intern.", visibility: "internal" });
  publicSlug = open.slug;
  await bulkComments(open.id, expert.id, PUBLIC_MATCHES, `Zum ${WORD} im Stadtteil`, 24 * 60);
  await bulkComments(internal.id, expert.id, INTERNAL_MATCHES, `Intern zum ${WORD}`, 60);
  newestPublic = await createCommentFor(expert, open.slug, `Neu: ${WORD} in der Altstadt, ${WORD} am Rhein, ${WORD} überall.`);
  hiddenNewest = await createCommentFor(expert, open.slug, `Versteckt: ${WORD} ${WORD} ${WORD} ${WORD}`);
  const { setCommentHidden } = await import("../../../app/topics/comment-write.server");
  await setCommentHidden({ actor: staff, slug: open.slug, commentId: hiddenNewest, reason: "Test" });
}, 60_000);

describe("search over more matches than the cap", () => {
  it("reports a capped count for a visitor, filters internal and hidden rows before the cap, and keeps the best hits on page 1", async () => {
    const first = await search({ reader: null, text: WORD, page: 1 });
    expect(first).toMatchObject({ total: SEARCH_RESULT_CAP, capped: true });
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    // The internal comments are newer: had the cap come first, the visitor would see almost none.
    expect(first.hits.every((hit) => hit.url.startsWith(`/themen/${publicSlug}`))).toBe(true);
    const urls = first.hits.map((hit) => hit.url);
    expect(urls).not.toContain(`/themen/${publicSlug}/beitrag/${hiddenNewest}`);
    // The most relevant rows (the topic, the newest comment naming the word three times) lead.
    expect(new Set(urls.slice(0, 2))).toEqual(new Set([`/themen/${publicSlug}`, `/themen/${publicSlug}/beitrag/${newestPublic}`]));
  });

  it("lets board members find the internal comments, still capped", async () => {
    const result = await search({ reader: expert, text: WORD, page: 1 });
    expect(result).toMatchObject({ total: SEARCH_RESULT_CAP, capped: true });
    expect(result.hits.some((hit) => hit.title === "Interne Ausschreibung")).toBe(true);
  });

  it("bounds pagination at the cap and says so in German", async () => {
    const last = await jsonOf(await callRoute(searchRoute.loader, `/suche?q=${WORD}&seite=${SEARCH_MAX_PAGES}`, { user: null }));
    expect(last).toMatchObject({ capped: true, total: SEARCH_RESULT_CAP, totalPages: SEARCH_MAX_PAGES, page: SEARCH_MAX_PAGES });
    expect(last.hits).toHaveLength(SEARCH_PAGE_SIZE);
    const past = await callRoute(searchRoute.loader, `/suche?q=${WORD}&seite=${SEARCH_MAX_PAGES + 1}`, { user: null });
    expect(past.status).toBe(404);
    expect(await jsonOf(past)).toMatchObject({ error: "Diese Seite der Suchergebnisse gibt es nicht.", capped: true });
    expect(t.topics.search.resultsCapped(SEARCH_RESULT_CAP)).toBe("Mehr als 1.000 Treffer");
  });

  it("counts exactly below the cap", async () => {
    const result = await search({ reader: null, text: "Altstadt", page: 1 });
    expect(result).toMatchObject({ total: 1, capped: false });
  });
});
