import { existsSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows } from "../../../db/client.server";
import { postForm } from "../support/http";
import type { WriteScenario } from "./types";

const ROUTE = path.resolve(import.meta.dirname, "../../../app/routes/themen.$slug._index.tsx");

type State = { slug: string; topicId: number };

/** Everyone comments on one topic (one hot row: the topic's last activity), each body unique. */
export const commentWrites: WriteScenario<State> = {
  name: "Kommentare",
  available: () => existsSync(ROUTE),
  async prepare(db, members) {
    const slug = `lasttest-${randomBytes(4).toString("hex")}`;
    const [field] = await queryRows<{ id: number }>(db, sql`insert into topic_fields (name) values (${`Lasttest ${slug}`}) returning id`);
    const [topic] = await queryRows<{ id: number }>(
      db,
      sql`insert into topics (slug, title, body, field_id, author_id) values (${slug}, 'Lasttest: gleichzeitige Beiträge', 'Viele schreiben zugleich.', ${field.id}, ${members[0].id}) returning id`,
    );
    return { slug, topicId: topic.id };
  },
  async write({ url, client, state, run, n }, { acks, pending }) {
    const key = `lt-${run}-${n}`;
    const body = `Beitrag ${key}: Die **Teststellung** der KI-Plattform braucht klare Kriterien.`;
    try {
      const reply = await postForm(
        url,
        `/themen/${state.slug}?index`,
        [
          ["intent", "comment"],
          ["body", body],
        ],
        client,
      );
      const id = /#comment-(\d+)/.exec(reply.location ?? "")?.[1];
      if (reply.status === 302 && id) acks.push({ key, value: Number(id) });
      else if (reply.status >= 500) pending.push({ key });
      return [{ status: reply.status }];
    } catch (error) {
      pending.push({ key });
      return [{ error }];
    }
  },
  async verify(db, state, acks, _pending, run) {
    const rows = await queryRows<{ key: string; ids: number[]; audited: number }>(
      db,
      sql`select substring(c.body from 'lt-[a-z0-9]+-[0-9]+') as key, array_agg(c.id order by c.id) as ids,
                 count(a.id)::int as audited
          from comments c
          left join audit_events a on a.action = 'comment.created' and a.object_id = c.id::text
          where c.topic_id = ${state.topicId} and c.body like ${`%lt-${run}-%`}
          group by 1`,
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const missing = acks.filter((ack) => !byKey.has(ack.key));
    const wrongId = acks.filter((ack) => byKey.get(ack.key) && byKey.get(ack.key)!.ids[0] !== ack.value);
    expect(missing, "bestätigte Beiträge fehlen").toEqual([]);
    expect(wrongId, "Beitrag unter anderer ID").toEqual([]);
    expect(
      rows.filter((row) => row.ids.length !== 1),
      "Beiträge doppelt gespeichert",
    ).toEqual([]);
    expect(
      rows.filter((row) => row.audited !== 1),
      "Beitrag ohne Protokolleintrag (halbe Transaktion)",
    ).toEqual([]);
  },
};
