// ETag and 304 over HTTP (docs/decisions/096): unchanged pages revalidate without a body, and
// every input a page shows — data, deletions, time, the reader and their own parts — changes it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPgliteFolder, queryRows, type Database } from "../../../db/client.server";
import { slugify } from "../../../app/topics/slug.server";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { startServer, type RunningServer } from "../../support/server";
import { FORM, form, send, signInAs, type Reply } from "../security/http";

let server: RunningServer;
let database: TestDatabase;
const cookies: Record<"admin" | "staff" | "expert" | "council", string> = { admin: "", staff: "", expert: "", council: "" };
/** The closed demo round, reopened to close by date a few setups after its page was captured, with nothing written when it closes. */
let timedRound: { id: number; closesAt: Date };
let timedRoundBefore: Reply;
let openRoundId: number;
const topic = `/themen/${slugify("IT-Sicherheit in der Stadtverwaltung")}`;

/** Reopens the round to close by date `marginMs` from now (the guard trigger would refuse it). */
async function reopenToCloseIn(db: Database, roundId: number, marginMs: number) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`alter table rating_rounds disable trigger rating_rounds_guard`);
    const [row] = await queryRows<{ closesAt: string | Date }>(
      tx,
      sql`update rating_rounds set status = 'open', closed_at = null, closes_at = now() + make_interval(secs => ${marginMs / 1000})
          where id = ${roundId} returning closes_at as "closesAt"`,
    );
    await tx.execute(sql`alter table rating_rounds enable trigger rating_rounds_guard`);
    return new Date(row.closesAt);
  });
}

beforeAll(async () => {
  database = await createTestDatabase(inject("pgTemplate"), { onDisk: true, demo: true });
  const db = database.handle.db;
  openRoundId = (await queryRows<{ id: number }>(db, sql`select id from rating_rounds where status = 'open' order by id limit 1`))[0].id;
  const closedRoundId = (await queryRows<{ id: number }>(db, sql`select id from rating_rounds where status = 'closed' order by id limit 1`))[0].id;
  const pglite = database.handle.kind === "pglite";
  if (pglite) await database.handle.close();
  // No job runner: the round closes by the clock alone, no row changes when it does.
  const env = { JOBS_ENABLED: "false" };
  const started = Date.now();
  server = await startServer(inject("pgTemplate"), { demo: true, database, env });
  cookies.expert = await signInAs(server, "expert");
  // The round's page must be captured while it is still open: the margin is a few times what
  // starting and signing in took here, so a slow machine waits longer instead of failing.
  const setupMs = Date.now() - started;
  if (pglite) {
    // The server holds the folder: stop it, write, start again.
    await server.stop();
    const folder = openPgliteFolder(database.serverEnv.DATA_DIR);
    timedRound = { id: closedRoundId, closesAt: await reopenToCloseIn(folder.db, closedRoundId, 3 * setupMs + 5_000) };
    await folder.close();
    server = await startServer(inject("pgTemplate"), { demo: true, database, env });
  } else {
    timedRound = { id: closedRoundId, closesAt: await reopenToCloseIn(db, closedRoundId, setupMs + 5_000) };
  }
  timedRoundBefore = await get(`/bewertungsrunden/${timedRound.id}`, cookies.expert);
  for (const role of ["admin", "staff", "council"] as const) cookies[role] = await signInAs(server, role);
}, 600_000);
afterAll(async () => {
  await server?.stop();
  await database?.dispose();
});

function get(path: string, cookie?: string, etag?: string) {
  return send(server.url, path, { cookie, headers: etag ? { "If-None-Match": etag } : {} });
}

async function etag(path: string, cookie?: string) {
  const reply = await get(path, cookie);
  expect(reply.status, path).toBe(200);
  const tag = reply.headers.get("ETag");
  expect(tag, `${path}: ETag`).toMatch(/^W\/"[\w-]+"$/);
  return tag!;
}

function post(path: string, cookie: string, fields: Record<string, string>) {
  return send(server.url, path, { method: "POST", origin: true, cookie, headers: FORM, body: form(fields) });
}

/** Posts a comment on the topic as `role`; returns its id and the page it landed on. */
async function comment(role: keyof typeof cookies, body: string) {
  const reply = await post(topic, cookies[role], { intent: "comment", body });
  expect(reply.status, reply.text.slice(0, 300)).toBe(302);
  const [, page, id] = /\?seite=(\d+)#comment-(\d+)/.exec(reply.location ?? "")!;
  return { id, page: `${topic}?seite=${page}` };
}

describe("an unchanged page revalidates", () => {
  it("answers a matching If-None-Match with 304, no body and no new CSP, for pages, data requests and feeds", async () => {
    const cases: Array<[string, string | undefined]> = [
      ["/", undefined],
      ["/themen", cookies.expert],
      ["/?_data=root", cookies.expert],
      ["/themen?_data=routes%2Fthemen._index", cookies.expert],
      ["/empfehlungen.atom", undefined],
      ["/umsetzung.atom", undefined],
      ["/sitzungen.ics", undefined],
      ["/oparl/v1", undefined],
      ["/oparl/v1/body/1/paper", undefined],
    ];
    for (const [path, cookie] of cases) {
      const first = await get(path, cookie);
      const tag = first.headers.get("ETag");
      expect(tag, path).toMatch(/^W\/"[\w-]+"$/);
      expect(await etag(path, cookie), `${path}: the same page, the same ETag`).toBe(tag);
      const again = await get(path, cookie, tag!);
      expect(again.status, path).toBe(304);
      expect(again.text, path).toBe("");
      expect(again.headers.get("ETag"), path).toBe(tag);
      expect(again.headers.get("Content-Security-Policy"), `${path}: a 304 keeps the cached page's policy`).toBeNull();
      expect(again.headers.get("Cache-Control"), path).toBe(first.headers.get("Cache-Control"));
      expect((await get(path, cookie, 'W/"anders"')).status, path).toBe(200);
      expect((await get(path, cookie, `W/"anders", ${tag}`)).status, `${path}: a list of tags`).toBe(304);
    }
  });

  it("marks signed-in pages private and revalidated, visitor pages public and revalidated, and keeps assets immutable", async () => {
    for (const role of ["admin", "staff", "expert", "council"] as const) {
      for (const path of ["/", "/themen", "/empfehlungen", "/?_data=root"]) {
        expect((await get(path, cookies[role])).headers.get("Cache-Control"), `${role} ${path}`).toBe("private, no-cache");
      }
    }
    const home = await get("/");
    expect(home.headers.get("Cache-Control")).toBe("public, no-cache");
    expect(home.headers.get("Vary")).toMatch(/\bCookie\b/);
    const asset = /\/build\/[^"]+\.js/.exec(home.text)![0];
    expect((await get(asset)).headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });

  it("leaves failures, redirects, downloads and no-store responses without a page ETag", async () => {
    expect((await get("/gibt-es-nicht")).headers.get("ETag")).toBeNull();
    expect((await get("/konto")).headers.get("ETag")).toBeNull();
    expect((await get("/konto/export", cookies.expert)).headers.get("ETag")).toBeNull();
    expect((await get("/empfehlungen.atom", cookies.expert)).headers.get("ETag")).toBeNull();
  });
});

describe("every input of a page changes its ETag", () => {
  it("a new comment, an edit and a deletion", async () => {
    const first = await comment("staff", "Erster Beitrag für den ETag-Test.");
    const before = await etag(first.page, cookies.expert);
    const beforeData = await etag(`${first.page}&_data=routes%2Fthemen.%24slug._index`, cookies.expert);
    const second = await comment("staff", "Zweiter Beitrag für den ETag-Test.");
    const afterNew = await etag(first.page, cookies.expert);
    expect(afterNew, "new comment").not.toBe(before);
    expect(await etag(`${first.page}&_data=routes%2Fthemen.%24slug._index`, cookies.expert), "new comment, data request").not.toBe(beforeData);
    expect((await get(first.page, cookies.expert, before)).status).toBe(200);

    const onItsPage = await etag(second.page, cookies.expert);
    const edited = await post(`${topic}/beitrag/${second.id}/bearbeiten`, cookies.staff, { intent: "save", body: "Zweiter Beitrag, überarbeitet." });
    expect(edited.status, edited.text.slice(0, 300)).toBe(302);
    const afterEdit = await etag(second.page, cookies.expert);
    expect(afterEdit, "edit").not.toBe(onItsPage);

    const deleted = await post(topic, cookies.staff, { intent: "delete", commentId: second.id });
    expect(deleted.status, deleted.text.slice(0, 300)).toBe(302);
    expect(await etag(second.page, cookies.expert), "deletion").not.toBe(afterEdit);
  });

  it("the reader's own score in a blind round", async () => {
    const page = await get(`/bewertungsrunden/${openRoundId}/bewerten`, cookies.expert);
    const proposalId = /name="proposalId" value="(\d+)"/.exec(page.text)![1];
    const criterion = /name="score-(\d+)"/.exec(page.text)![1];
    const path = `/bewertungsrunden/${openRoundId}/bewerten?vorschlag=${proposalId}`;
    const tags: string[] = [];
    for (const score of ["5", "6"]) {
      const saved = await post(`/bewertungsrunden/${openRoundId}/bewerten`, cookies.expert, { intent: "save", proposalId, [`score-${criterion}`]: score });
      expect(saved.status, saved.text.slice(0, 300)).toBe(302);
      tags.push(await etag(path, cookies.expert));
    }
    expect(tags[1], "a changed score").not.toBe(tags[0]);
  });

  it("the reader, their role, and a notification arriving", async () => {
    const byReader = await Promise.all(
      [undefined, cookies.council, cookies.expert, cookies.staff, cookies.admin].map((cookie) => etag("/empfehlungen", cookie)),
    );
    expect(new Set(byReader).size, "visitor, council, expert, staff and admin each see their own page").toBe(5);
    const expertTag = await etag("/themen", cookies.expert);
    expect((await get("/themen", cookies.staff, expertTag)).status, "another reader's tag does not match").toBe(200);
    const secondExpert = await signInAs(server, "expert");
    expect(await etag("/themen", secondExpert), "the same reader in another session").toBe(expertTag);

    const followed = await post(topic, cookies.expert, { intent: "follow" });
    expect(followed.status, followed.text.slice(0, 300)).toBe(302);
    const visitorBefore = await etag("/vorlagen");
    const expertBefore = await etag("/vorlagen", cookies.expert);
    await comment("staff", "Ein Beitrag, von dem die Expertin benachrichtigt wird.");
    expect(await etag("/vorlagen", cookies.expert), "the unread count in the header").not.toBe(expertBefore);
    expect(await etag("/vorlagen"), "a page without the comment or a badge").toBe(visitorBefore);
  });

  it("a round closing by date, with no row written", { timeout: 600_000 }, async () => {
    expect(timedRoundBefore.status).toBe(200);
    const before = timedRoundBefore.headers.get("ETag")!;
    expect(timedRoundBefore.text, "captured while open").toMatch(/>offen</);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, timedRound.closesAt.getTime() - Date.now() + 1_500)));
    const after = await get(`/bewertungsrunden/${timedRound.id}`, cookies.expert, before);
    expect(after.status, "closed by the clock: a new page").toBe(200);
    expect(after.headers.get("ETag")).not.toBe(before);
    expect(after.text).toMatch(/>abgeschlossen</);
  });
});
