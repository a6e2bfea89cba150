import { sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { queryRows } from "../client.server";
import { seedAccounts } from "./accounts";
import { seedCommitments } from "./commitments";
import { seedMails } from "./mail";
import { seedMeetings } from "./meetings";
import { seedPapers } from "./papers";
import { seedRatings } from "./ratings";
import { seedRecommendations } from "./recommendations";
import { seedTopics } from "./topics";
import { seedDocuments } from "./documents";

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super("Die Datenbank enthält bereits Daten; die Demodaten werden nur in eine leere Datenbank geladen.");
  }
}

/**
 * Loads the Koblenz demo story into an empty database, in one transaction.
 * Each domain adds its part below, in dependency order.
 */
export async function seedDemo(db: Database) {
  const [{ count }] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from users`);
  if (count > 0) throw new DatabaseNotEmptyError();
  await db.transaction(async (tx) => {
    const people = await seedAccounts(tx);
    await seedTopics(tx, people);
    await seedPapers(tx, people);
    await seedRatings(tx, people);
    await seedMeetings(tx, people);
    await seedRecommendations(tx, people);
    await seedCommitments(tx, people);
    await seedMails(tx, people);
    await seedDocuments(tx, people);
    void people;
  });
}
