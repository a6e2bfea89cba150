import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows } from "../../../db/client.server";
import { postForm } from "../support/http";
import type { Ack, WriteScenario } from "./types";

const ROUTE = path.resolve(import.meta.dirname, "../../../app/routes/bewertungsrunden.$id.bewerten.tsx");
const PROPOSALS = 5;
const CRITERIA = 8;

type State = { roundId: number; proposalIds: number[]; criterionIds: number[] };

/** An open round (5 proposals × 8 criteria); every client saves and re-saves its own scores. */
export const scoreWrites: WriteScenario<State> = {
  name: "Bewertungen",
  available: () => existsSync(ROUTE),
  async prepare(db, members) {
    const [round] = await queryRows<{ id: number }>(
      db,
      sql`insert into rating_rounds (title, description, created_by_id) values ('Lasttest: Chatbot-Anbieter', 'Gleichzeitige Bewertungen', ${members[0].id}) returning id`,
    );
    const proposals = await queryRows<{ id: number }>(
      db,
      sql`insert into rating_proposals (round_id, title, vendor, position)
          select ${round.id}, 'Angebot ' || i, 'Anbieter ' || i, i from generate_series(1, ${PROPOSALS}) i returning id`,
    );
    const criteria = await queryRows<{ id: number }>(
      db,
      sql`insert into rating_criteria (round_id, title, weight, position)
          select ${round.id}, 'Kriterium ' || i, case when i <= 4 then 12 else 13 end, i from generate_series(1, ${CRITERIA}) i returning id`,
    );
    await db.execute(sql`update rating_rounds set status = 'open', opened_at = now(), closes_at = now() + interval '1 day' where id = ${round.id}`);
    return { roundId: round.id, proposalIds: proposals.map((p) => p.id), criterionIds: criteria.map((c) => c.id) };
  },
  async write({ url, member, client, state, n }, { acks, pending }) {
    const proposalId = state.proposalIds[n % state.proposalIds.length];
    const scores = state.criterionIds.map((criterionId, i) => ({ criterionId, score: 3 + ((n + i) % 6) }));
    const fields: Array<[string, string]> = [
      ["intent", "save"],
      ["proposalId", String(proposalId)],
    ];
    for (const { criterionId, score } of scores) fields.push([`score-${criterionId}`, String(score)], [`reason-${criterionId}`, `Begründung ${n}`]);
    const entries: Ack[] = scores.map(({ criterionId, score }) => ({ key: `${member.id}:${proposalId}:${criterionId}`, value: score }));
    try {
      const reply = await postForm(url, `/bewertungsrunden/${state.roundId}/bewerten`, fields, client);
      (reply.status === 302 ? acks : reply.status >= 500 ? pending : []).push(...entries.map((e) => ({ ...e, deleted: false })));
      return [{ status: reply.status }];
    } catch (error) {
      pending.push(...entries);
      return [{ error }];
    }
  },
  async verify(db, state, acks, pending) {
    const rows = await queryRows<{ key: string; score: number; copies: number }>(
      db,
      sql`select rater_id || ':' || proposal_id || ':' || criterion_id as key, max(score)::int as score, count(*)::int as copies
          from rating_scores where round_id = ${state.roundId} group by 1`,
    );
    const stored = new Map(rows.map((row) => [row.key, row.score]));
    // One client saves its keys one after another, so its last acknowledged value must be there,
    // unless a later save of the same key went unanswered (then that value is as good).
    const last = new Map<string, number>();
    for (const ack of acks) last.set(ack.key, ack.value as number);
    const unanswered = new Map<string, Set<number>>();
    for (const p of pending) unanswered.set(p.key, (unanswered.get(p.key) ?? new Set()).add(p.value as number));
    const wrong = [...last].filter(([key, value]) => stored.get(key) !== value && !unanswered.get(key)?.has(stored.get(key)!));
    expect(
      wrong.map(([key, value]) => `${key}: bestätigt ${value}, gespeichert ${stored.get(key)}`),
      "bestätigte Bewertungen",
    ).toEqual([]);
    expect(
      rows.filter((row) => row.copies !== 1),
      "doppelte Bewertungszeilen",
    ).toEqual([]);
  },
};
