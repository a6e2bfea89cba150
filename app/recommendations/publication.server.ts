import { refuse } from "~/lib/refusal";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Transaction } from "#db/client.server";
import { recommendations, recommendationVersions } from "#db/schema";
import { t } from "~/i18n/de";
import { auditOf, recordAudit } from "~/accounts/audit.server";
import { textColumns, type RecommendationText } from "~/recommendations/drafting.server";
import { manageRecommendation } from "~/recommendations/board-step.server";
import { nextStatus } from "~/recommendations/rules.server";
import type { Actor } from "~/policy.server";
import * as notifyEvents from "~/notifications/events.server";

const audit = auditOf("recommendation");

const m = t.recommendations.errors;
// Serialises reference numbering across app processes (pg_advisory_xact_lock key).
const REFERENCE_LOCK = 727_006;

/** EM/0001/2025: the next running number of the publication year. */
async function nextReference(tx: Transaction, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${REFERENCE_LOCK})`);
  const [row] = await queryRows<{ last: number | null }>(
    tx,
    sql`select max(substring(reference from 4 for 4)::int) as last from recommendations where reference like ${`EM/%/${year}`}`,
  );
  return `EM/${String((row?.last ?? 0) + 1).padStart(4, "0")}/${year}`;
}

function berlinYear(date: Date) {
  return Number(new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", year: "numeric" }).format(date));
}

/** Only an adopted recommendation is published; the published version is the one voted on. */
export async function publishRecommendation({ actor, id, isPublic }: { actor: Actor; id: number; isPublic: boolean }) {
  return manageRecommendation(
    { actor, id, action: "publish", notAllowed: (rec) => (rec.status === "rejected" ? m.publishRejected : m.publishNotAdopted) },
    async (tx, rec) => {
      const now = new Date();
      const reference = await nextReference(tx, berlinYear(now));
      await tx
        .update(recommendations)
        .set({ status: nextStatus(rec.status, "publish"), publishedAt: now, publishedVersion: rec.votedVersion, reference, isPublic, updatedAt: now })
        .where(eq(recommendations.id, id));
      await recordAudit(tx, audit("recommendation.published", id, actor.id, { reference, isPublic, version: rec.votedVersion }));
      await notifyEvents.recommendationPublished(tx, { recommendationId: id, actorId: actor.id });
      return { ok: true as const, reference };
    },
  );
}

export async function makePublic({ actor, id }: { actor: Actor; id: number }) {
  return manageRecommendation({ actor, id, action: "makePublic", notAllowed: m.notPublished }, async (tx, rec) => {
    if (rec.isPublic) return { ok: true as const };
    await tx.update(recommendations).set({ isPublic: true, updatedAt: new Date() }).where(eq(recommendations.id, id));
    await recordAudit(tx, audit("recommendation.made_public", id, actor.id));
    return { ok: true as const };
  });
}

/**
 * A published text never changes: a correction is a new version carrying a visible note, and
 * becomes the published version. The vote record stays with the version voted on.
 */
export async function correctPublished({ actor, id, input, note }: { actor: Actor; id: number; input: Omit<RecommendationText, "papers">; note: string }) {
  return manageRecommendation({ actor, id, action: "correct", notAllowed: m.notPublished }, async (tx, rec) => {
    if (rec.title === input.title && rec.summary === input.summary && rec.body === input.body) return refuse(422, { body: m.correctionUnchanged });
    const number = rec.latestVersion + 1;
    await tx
      .insert(recommendationVersions)
      .values({ recommendationId: id, number, title: input.title, summary: input.summary, body: input.body, authorId: actor.id, correctionNote: note });
    await tx
      .update(recommendations)
      .set({
        ...textColumns(input),
        latestVersion: number,
        publishedVersion: number,
        updatedAt: new Date(),
      })
      .where(eq(recommendations.id, id));
    await recordAudit(tx, audit("recommendation.corrected", id, actor.id, { version: number, note }));
    return { ok: true as const, version: number };
  });
}
