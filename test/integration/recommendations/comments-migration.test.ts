import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/client.server";
import { applyMigrations } from "../../../db/migrate.server";
import { openEmptyDatabase } from "../../support/database";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const BEFORE = "0005_recommendation_discussions";

/** A copy of drizzle/ that ends at the given migration: the database as the old release left it. */
function migrationsUpTo(tag: string) {
  const dir = path.join(ROOT, "tmp/test/migrations", randomBytes(4).toString("hex"));
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(path.join(ROOT, "drizzle"), dir, { recursive: true });
  const journalPath = path.join(dir, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8"));
  const last = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function withMigrations<T>(dir: string, run: () => Promise<T>) {
  const previous = process.env.MIGRATIONS_DIR;
  process.env.MIGRATIONS_DIR = dir;
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.MIGRATIONS_DIR;
    else process.env.MIGRATIONS_DIR = previous;
  }
}

describe("moving recommendation comments into the one comment system (decision 043)", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("keeps every old comment with its author, text, time and version, in a closed or open board-internal topic", async () => {
    const { handle, dispose } = await openEmptyDatabase(process.env.TEST_DATABASE_URL, "portal_migration", 1);
    cleanups.push(dispose);
    const oldRelease = migrationsUpTo(BEFORE);
    cleanups.push(() => rmSync(oldRelease, { recursive: true, force: true }));
    await withMigrations(oldRelease, () => applyMigrations(handle));
    const db = handle.db;
    await db.execute(
      sql`insert into users (email, name, password_hash, role) values ('a@example.org', 'Anna Autorin', 'x', 'expert'), ('b@example.org', 'Bernd Beirat', 'x', 'expert')`,
    );
    const [anna, bernd] = await queryRows<{ id: number }>(db, sql`select id from users order by id`);
    await db.execute(sql`insert into recommendations (title, body, created_by_id, latest_version) values ('Chatbot *Schängel*', 'Text', ${anna.id}, 2)`);
    await db.execute(sql`insert into recommendations (title, body, created_by_id, status, vote_opened_at, voted_version, vote_closed_at, result, rejection_reason, quorum_met)
      values ('Abgelehnt', 'Text', ${bernd.id}, 'rejected', now(), 1, now(), 'abgelehnt', 'majority', false)`);
    const [draft, rejected] = await queryRows<{ id: number }>(db, sql`select id from recommendations order by id`);
    await db.execute(sql`insert into recommendation_comments (recommendation_id, author_id, body, version_number, created_at) values
      (${draft.id}, ${bernd.id}, 'Erster Kommentar zu **Fassung 1**', 1, '2025-01-10T10:00:00Z'),
      (${draft.id}, ${anna.id}, 'Zweiter zu Fassung 2', 2, '2025-01-12T10:00:00Z'),
      (${rejected.id}, ${anna.id}, 'Schade.', 1, '2025-01-13T10:00:00Z')`);

    await applyMigrations(handle);

    const moved = await queryRows<{
      rec: number;
      author: number;
      body: string;
      version: number;
      created: string;
      status: string;
      visibility: string;
      history: number;
    }>(
      db,
      sql`select r.id as rec, c.author_id as author, c.body, c.recommendation_version as version, c.created_at::text as created, t.status, t.visibility,
            (select count(*)::int from comment_versions v where v.comment_id = c.id) as history
          from comments c join topics t on t.id = c.topic_id join recommendations r on r.discussion_topic_id = t.id order by c.created_at`,
    );
    expect(moved).toEqual([
      {
        rec: draft.id,
        author: bernd.id,
        body: "Erster Kommentar zu **Fassung 1**",
        version: 1,
        created: "2025-01-10 10:00:00+00",
        status: "open",
        visibility: "internal",
        history: 1,
      },
      {
        rec: draft.id,
        author: anna.id,
        body: "Zweiter zu Fassung 2",
        version: 2,
        created: "2025-01-12 10:00:00+00",
        status: "open",
        visibility: "internal",
        history: 1,
      },
      {
        rec: rejected.id,
        author: anna.id,
        body: "Schade.",
        version: 1,
        created: "2025-01-13 10:00:00+00",
        status: "closed",
        visibility: "internal",
        history: 1,
      },
    ]);
    const tables = await queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables where table_name = 'recommendation_comments'`,
    );
    expect(tables).toEqual([]);

    // New comments in the discussion record the draft's current version by themselves.
    const [{ topic }] = await queryRows<{ topic: number }>(db, sql`select discussion_topic_id as topic from recommendations where id = ${draft.id}`);
    await db.execute(sql`insert into comments (topic_id, author_id, body) values (${topic}, ${anna.id}, 'Neu')`);
    const [{ version }] = await queryRows<{ version: number }>(db, sql`select recommendation_version as version from comments where body = 'Neu'`);
    expect(version).toBe(2);
    // A fresh database migrated twice: slow on a loaded machine, bounded all the same.
  }, 180_000);
});
