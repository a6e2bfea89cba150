import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_LOGINS, DEMO_MORE_EXPERTS, DEMO_MORE_EXPERTS_PASSWORD } from "../../../db/seed/accounts";
import { DRAFT, PUBLISHED } from "../../../db/seed/recommendations-story";
import { startServer, type RunningServer } from "../../support/server";

// Issue 15: at most 8 SQL statements per main page, counted by the server itself
// (BENCH_QUERY_LOG=1 puts each request's statement count into X-Query-Count).
const BUDGET = 8;

let server: RunningServer;
let expertCookie: string;

async function signIn(email: string, password: string) {
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  return response.headers.get("set-cookie")!.split(";")[0];
}

beforeAll(async () => {
  server = await startServer(inject("pgTemplate"), { demo: true, env: { BENCH_QUERY_LOG: "1" } });
  const expert = DEMO_LOGINS.find((login) => login.role === "expert")!;
  expertCookie = await signIn(expert.email, expert.password);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function get(path: string, cookie?: string) {
  const response = await fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  const html = await response.text();
  return { status: response.status, queries: Number(response.headers.get("X-Query-Count")), html };
}

async function firstLink(listPath: string, pattern: RegExp) {
  const { html } = await get(listPath, expertCookie);
  const match = pattern.exec(html);
  expect(match, `${listPath} verlinkt nichts für ${pattern}`).not.toBeNull();
  return match![1];
}

describe("SQL statements per main page (issue 15)", () => {
  it(`the dashboard, topics, a topic's first and last page, a meeting, a paper and search stay within ${BUDGET}, signed in and as a visitor`, async () => {
    const topic = "/themen/ozg-die-naechsten-leistungen";
    const meeting = await firstLink("/sitzungen", /href="(\/sitzungen\/\d+)"/);
    const paper = "/vorlagen/ST-0020-2025";
    const pages = [
      { path: "/", visitor: true },
      { path: "/themen", visitor: true },
      { path: topic, visitor: true },
      { path: `${topic}?seite=1`, visitor: true },
      { path: meeting, visitor: true },
      { path: paper, visitor: true },
      { path: "/suche?q=Chatbot", visitor: true },
    ];
    const counts: Record<string, number> = {};
    for (const page of pages) {
      const signedIn = await get(page.path, expertCookie);
      expect(signedIn.status, page.path).toBe(200);
      counts[`expert ${page.path}`] = signedIn.queries;
      if (page.visitor) {
        const visitor = await get(page.path);
        expect(visitor.status, page.path).toBe(200);
        counts[`visitor ${page.path}`] = visitor.queries;
      }
    }
    for (const [page, queries] of Object.entries(counts)) {
      expect(Number.isInteger(queries) && queries > 0, `${page}: no count`).toBe(true);
      expect(queries, `${page}: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(BUDGET);
    }
  });

  it(`a closed round's results stay within ${BUDGET} for an expert`, async () => {
    const { html } = await get("/bewertungsrunden", expertCookie);
    const ids = [...new Set([...html.matchAll(/href="\/bewertungsrunden\/(\d+)"/g)].map((match) => match[1]))];
    const counts: Record<string, number> = {};
    for (const id of ids) {
      const results = await get(`/bewertungsrunden/${id}/ergebnisse`, expertCookie);
      if (results.status === 200) counts[`expert /bewertungsrunden/${id}/ergebnisse`] = results.queries;
    }
    expect(Object.keys(counts).length, "keine abgeschlossene Runde in den Demodaten").toBeGreaterThan(0);
    for (const [page, queries] of Object.entries(counts)) {
      expect(Number.isInteger(queries) && queries > 0, `${page}: no count`).toBe(true);
      expect(queries, `${page}: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(BUDGET);
    }
  });

  it(`a recommendation stays within ${BUDGET}: published for an expert, a council member and a visitor, a draft for its author`, async () => {
    const { html } = await get("/empfehlungen", expertCookie);
    const idOf = (title: string) => {
      const match = new RegExp(`href="(/empfehlungen/\\d+)">${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}<`).exec(html);
      expect(match, `/empfehlungen verlinkt „${title}“ nicht`).not.toBeNull();
      return match![1];
    };
    const published = idOf(PUBLISHED.title);
    const draft = idOf(DRAFT.title);
    const council = DEMO_LOGINS.find((login) => login.role === "council")!;
    // The demo experts are the demo login, then DEMO_MORE_EXPERTS in order (db/seed/accounts.ts).
    const author = DEMO_MORE_EXPERTS[DRAFT.versions[0].by - 1];
    const cases = [
      { who: "expert", path: published, cookie: expertCookie },
      { who: "council", path: published, cookie: await signIn(council.email, council.password) },
      { who: "visitor", path: published, cookie: undefined },
      { who: "author", path: draft, cookie: await signIn(author.email, DEMO_MORE_EXPERTS_PASSWORD) },
    ];
    const counts: Record<string, number> = {};
    for (const { who, path, cookie } of cases) {
      const page = await get(path, cookie);
      expect(page.status, `${who} ${path}`).toBe(200);
      counts[`${who} ${path}`] = page.queries;
    }
    for (const [page, queries] of Object.entries(counts)) {
      expect(Number.isInteger(queries) && queries > 0, `${page}: no count`).toBe(true);
      expect(queries, `${page}: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(BUDGET);
    }
  });
});
