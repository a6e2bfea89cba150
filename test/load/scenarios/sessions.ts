import { inArray } from "drizzle-orm";
import { expect } from "vitest";
import { sessions } from "../../../db/schema";
import { hashToken } from "../../../app/accounts/token.server";
import { postForm } from "../support/http";
import { LOAD_PASSWORD } from "../support/members";
import type { Ack, WriteScenario } from "./types";

/** Sign in (a new session row) and, every other turn, sign out again (the row goes). */
export const sessionWrites: WriteScenario<null> = {
  name: "Anmeldungen",
  available: () => true,
  prepare: async () => null,
  async write({ url, member }, { acks, pending }) {
    const client = {};
    let signIn;
    try {
      signIn = await postForm(
        url,
        "/login",
        [
          ["email", member.email],
          ["password", LOAD_PASSWORD],
          ["redirectTo", "/"],
        ],
        client,
      );
    } catch (error) {
      return [{ error }];
    }
    const token = (client as { cookie?: string }).cookie?.slice("session=".length);
    if (signIn.status !== 302 || !token) return [{ status: signIn.status }];
    const ack: Ack = { key: hashToken(token) };
    acks.push(ack);
    if (Math.random() < 0.5) return [{ status: signIn.status }];
    try {
      const signOut = await postForm(url, "/logout", [], { cookie: `session=${token}` });
      if (signOut.status === 302) ack.deleted = true;
      else pending.push({ key: ack.key, deleted: true });
      return [{ status: signIn.status }, { status: signOut.status }];
    } catch (error) {
      pending.push({ key: ack.key, deleted: true });
      return [{ status: signIn.status }, { error }];
    }
  },
  async verify(db, _state, acks, pending) {
    const ids = acks.map((ack) => ack.key);
    const stored = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(inArray(sessions.id, ids.slice(i, i + 500)));
      for (const row of rows) stored.add(row.id);
    }
    const maybeDeleted = new Set(pending.filter((p) => p.deleted).map((p) => p.key));
    const missing = acks.filter((ack) => !ack.deleted && !maybeDeleted.has(ack.key) && !stored.has(ack.key));
    const lingering = acks.filter((ack) => ack.deleted && stored.has(ack.key));
    expect(missing, "bestätigte Anmeldungen ohne Sitzung").toEqual([]);
    expect(lingering, "bestätigte Abmeldungen mit Sitzung").toEqual([]);
  },
};
