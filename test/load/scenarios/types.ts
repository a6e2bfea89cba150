import type { Database } from "../../../db/client.server";
import type { Client } from "../support/http";
import type { Outcome } from "../support/load";
import type { Member } from "../support/members";

/** What the server confirmed (a 2xx/3xx answer): it must be in the database afterwards. */
export type Ack = { key: string; value?: string | number; deleted?: boolean };

export type WriteTurn<S> = { url: string; member: Member; client: Client; state: S; run: string; n: number };

/**
 * One kind of write the load tests drive (sign-ins, comments, scores …). A domain's scenario
 * is listed once its routes exist, so the load tests grow with the portal.
 */
export type WriteScenario<S = any> = {
  name: string;
  available: () => boolean;
  /** Runs on the database before the server starts: the rows the writes need. */
  prepare: (db: Database, members: Member[]) => Promise<S>;
  /** One write; `acks` collects what the server confirmed, `pending` what it may have stored. */
  write: (turn: WriteTurn<S>, record: { acks: Ack[]; pending: Ack[] }) => Promise<Outcome[]>;
  /** Checks the database against the acknowledgements; throws (expect) on a mismatch. */
  verify: (db: Database, state: S, acks: Ack[], pending: Ack[], run: string) => Promise<void>;
};

export async function attempt(fn: () => Promise<{ status: number }>): Promise<Outcome> {
  try {
    return { status: (await fn()).status };
  } catch (error) {
    return { error };
  }
}
