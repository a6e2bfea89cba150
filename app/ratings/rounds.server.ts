import { and, asc, count, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { db, type Executor, type Transaction } from "#db/client.server";
import { ratingProposals, ratingRounds, topics, type RankingMethod, type RoundStatus } from "#db/schema";
import { auditOf, recordAudit } from "~/accounts/audit.server";
import { renameRoundProposalTopics } from "~/ratings/proposal-topic.server";
import { guarded } from "~/ratings/errors.server";
import { RefusalError } from "~/lib/refusal";
import { t } from "~/i18n/de";
import { can } from "~/policy.server";
import * as notifyEvents from "~/notifications/events.server";

const audit = auditOf("rating_round");

type Viewer = { id: number; role: "admin" | "staff" | "expert" | "council" };

/** The state as everyone must see it: an open round past its closing date counts as closed. */
export const effectiveStatus: SQL<RoundStatus> = sql<RoundStatus>`(case when ${ratingRounds.status} = 'open' and ${ratingRounds.closesAt} <= now() then 'closed' else ${ratingRounds.status} end)`;

/** Drafts are the administration's working copies; board members see rounds once opened. */
function visibleTo(viewer: Viewer): SQL | undefined {
  return can(viewer, "manage:round") ? undefined : ne(ratingRounds.status, "draft");
}

export const ROUND_PAGE_SIZE = 20;

export async function listRoundsForViewer({ viewer, page }: { viewer: Viewer; page: number }) {
  const proposalCount = db
    .select({ roundId: ratingProposals.roundId, n: count().as("n") })
    .from(ratingProposals)
    .groupBy(ratingProposals.roundId)
    .as("proposal_count");
  const rows = await db
    .select({
      id: ratingRounds.id,
      title: ratingRounds.title,
      status: effectiveStatus,
      closesAt: ratingRounds.closesAt,
      createdAt: ratingRounds.createdAt,
      proposals: sql<number>`coalesce(${proposalCount.n}, 0)::int`,
    })
    .from(ratingRounds)
    .leftJoin(proposalCount, eq(proposalCount.roundId, ratingRounds.id))
    .where(visibleTo(viewer))
    .orderBy(desc(ratingRounds.createdAt), desc(ratingRounds.id))
    .limit(ROUND_PAGE_SIZE + 1)
    .offset((page - 1) * ROUND_PAGE_SIZE);
  return { rounds: rows.slice(0, ROUND_PAGE_SIZE), hasMore: rows.length > ROUND_PAGE_SIZE };
}

/** One round as the viewer may see it, or null (drafts are hidden from non-managers). */
export async function getRoundForViewer({ roundId, viewer }: { roundId: number; viewer: Viewer }) {
  const [row] = await db
    .select({
      id: ratingRounds.id,
      title: ratingRounds.title,
      description: ratingRounds.description,
      status: effectiveStatus,
      rankingMethod: ratingRounds.rankingMethod,
      closesAt: ratingRounds.closesAt,
      openedAt: ratingRounds.openedAt,
      closedAt: sql<Date | null>`coalesce(${ratingRounds.closedAt}, case when ${ratingRounds.closesAt} <= now() then ${ratingRounds.closesAt} end)`.mapWith(
        ratingRounds.closedAt,
      ),
      topicId: ratingRounds.topicId,
      topicTitle: topics.title,
      topicSlug: topics.slug,
    })
    .from(ratingRounds)
    .leftJoin(topics, eq(topics.id, ratingRounds.topicId))
    .where(and(eq(ratingRounds.id, roundId), visibleTo(viewer)));
  return row ?? null;
}

/** Topics a round can be linked to, by title. */
export async function listTopicOptions() {
  return db.select({ id: topics.id, title: topics.title }).from(topics).orderBy(asc(topics.title)).limit(500);
}

type RoundInput = { title: string; description: string; topicId: number | null; rankingMethod: RankingMethod };

export async function createRound({ input, actor }: { input: RoundInput; actor: Viewer }) {
  return guarded(() =>
    db.transaction(async (tx) => {
      await persistExpiredRounds(tx);
      const [row] = await tx
        .insert(ratingRounds)
        .values({ ...input, createdById: actor.id })
        .returning({ id: ratingRounds.id });
      await recordAudit(tx, audit("rating_round.created", row.id, actor.id, { title: input.title }));
      return row.id;
    }),
  );
}

/** Locks the round row for the rest of the transaction and returns its effective state. */
export async function lockRound(tx: Executor, roundId: number, mode: "update" | "share" = "update") {
  const [row] = await tx
    .select({ id: ratingRounds.id, status: ratingRounds.status, effective: effectiveStatus, closesAt: ratingRounds.closesAt })
    .from(ratingRounds)
    .where(eq(ratingRounds.id, roundId))
    .for(mode);
  if (!row) throw new RefusalError(404, t.ratings.errors.roundNotFound);
  return row;
}

export async function requireDraft(tx: Executor, roundId: number) {
  const round = await lockRound(tx, roundId);
  if (round.status !== "draft") throw new RefusalError(409, t.ratings.errors.round_frozen);
  return round;
}

/** A change to a round or its setup: one transaction, only while the round is a draft. */
export function changeDraft<T>(roundId: number, work: (tx: Transaction) => Promise<T>) {
  return guarded(() =>
    db.transaction(async (tx) => {
      await requireDraft(tx, roundId);
      return work(tx);
    }),
  );
}

export async function updateRound({ roundId, input, actor }: { roundId: number; input: RoundInput; actor: Viewer }) {
  await changeDraft(roundId, async (tx) => {
    await tx
      .update(ratingRounds)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(ratingRounds.id, roundId));
    await renameRoundProposalTopics(tx, { roundId });
    await recordAudit(tx, audit("rating_round.updated", roundId, actor.id));
  });
}

export async function deleteDraftRound({ roundId, actor }: { roundId: number; actor: Viewer }) {
  await changeDraft(roundId, async (tx) => {
    await tx.delete(ratingRounds).where(eq(ratingRounds.id, roundId));
    await recordAudit(tx, audit("rating_round.deleted", roundId, actor.id));
  });
}

/** Draft → open. The weights are checked here and again by the trigger in the same transaction. */
export async function openRound({ roundId, closesAt, actor }: { roundId: number; closesAt: Date; actor: Viewer }) {
  await guarded(() =>
    db.transaction(async (tx) => {
      await persistExpiredRounds(tx);
      const round = await lockRound(tx, roundId);
      if (round.status !== "draft") throw new RefusalError(409, t.ratings.errors.illegal_transition);
      await tx
        .update(ratingRounds)
        .set({ status: "open", closesAt, openedAt: sql`now()`, updatedAt: new Date() })
        .where(eq(ratingRounds.id, roundId));
      await recordAudit(tx, audit("rating_round.opened", roundId, actor.id, { closesAt: closesAt.toISOString() }));
      await notifyEvents.roundOpened(tx, { roundId, actorId: actor.id });
    }),
  );
}

/** Open → closed, by staff before the closing date or to persist a date that has passed. */
export async function closeRound({ roundId, actor }: { roundId: number; actor: Viewer }) {
  await guarded(() =>
    db.transaction(async (tx) => {
      const round = await lockRound(tx, roundId);
      if (round.status === "closed") throw new RefusalError(409, t.ratings.errors.alreadyClosed);
      if (round.status !== "open") throw new RefusalError(409, t.ratings.errors.illegal_transition);
      await tx
        .update(ratingRounds)
        .set({ status: "closed", closedAt: sql`least(now(), ${ratingRounds.closesAt})`, updatedAt: new Date() })
        .where(eq(ratingRounds.id, roundId));
      const automatic = round.effective === "closed";
      await recordAudit(tx, audit(automatic ? "rating_round.closed_automatically" : "rating_round.closed", roundId, automatic ? null : actor.id));
      await notifyEvents.roundResultsAvailable(tx, { roundId, actorId: automatic ? null : actor.id });
    }),
  );
}

/**
 * Writes down closures that already happened by date. Reads never need this (they use
 * effectiveStatus); write paths call it so the stored state catches up.
 */
export async function persistExpiredRounds(tx: Executor) {
  const closed = await tx
    .update(ratingRounds)
    .set({ status: "closed", closedAt: ratingRounds.closesAt, updatedAt: new Date() })
    .where(and(eq(ratingRounds.status, "open"), sql`${ratingRounds.closesAt} <= now()`))
    .returning({ id: ratingRounds.id });
  for (const row of closed) {
    await recordAudit(tx, audit("rating_round.closed_automatically", row.id, null));
  }
  return closed.length;
}
