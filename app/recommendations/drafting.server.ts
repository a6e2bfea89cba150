import { refuse, type Refusal } from "~/lib/refusal";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor, type Transaction } from "#db/client.server";
import {
  meetings,
  papers,
  ratingRounds,
  recommendationCoauthors,
  recommendationPapers,
  recommendationRounds,
  recommendations,
  recommendationTopics,
  recommendationVersions,
  topics,
  users,
} from "#db/schema";
import { fieldErrors } from "~/lib/form";
import { diffText } from "~/lib/text-diff";
import { t } from "~/i18n/de";
import { auditOf, recordAudit } from "~/accounts/audit.server";
import { isAllowed } from "~/recommendations/rules.server";
import { mayEditDraft } from "~/recommendations/recommendations.server";
import { can, type Actor } from "~/policy.server";
import { createRecommendationDiscussion, renameRecommendationDiscussion } from "~/recommendations/discussion.server";
import { idField, optionalIdField } from "~/lib/fields";
import { renderedColumns } from "~/server/markdown/stored.server";

const audit = auditOf("recommendation");

const m = t.recommendations.errors;

export type Failure = Refusal;

const REFERENCE = /^[A-Z]{2}\/[0-9]{4}\/[0-9]{4}$/;

/** "AT/0014/2025, ST/0020/2025" (commas, spaces or lines) → unique references. */
export function splitReferences(value: string) {
  return [
    ...new Set(
      value
        .split(/[\s,;]+/)
        .map((part) => part.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

export const RecommendationTextSchema = z.object({
  title: z.string().trim().min(1, m.titleRequired).max(200, m.titleTooLong),
  summary: z.string().trim().max(1000, m.summaryTooLong).default(""),
  body: z.string().trim().min(1, m.bodyRequired).max(50_000, m.bodyTooLong),
  papers: z
    .string()
    .default("")
    .transform(splitReferences)
    .superRefine((refs, ctx) => {
      const bad = refs.find((ref) => !REFERENCE.test(ref));
      if (bad) ctx.addIssue({ code: "custom", message: m.paperFormat(bad) });
    }),
});
const idList = z
  .array(idField())
  .max(50)
  .transform((ids) => [...new Set(ids)]);

export const RecommendationFormSchema = RecommendationTextSchema.extend({
  topics: idList.default([]),
  rounds: idList.default([]),
  meetingId: optionalIdField()
    .optional()
    .transform((value) => (value ? value : null)),
});
export type RecommendationText = z.infer<typeof RecommendationTextSchema>;
export type RecommendationInput = z.infer<typeof RecommendationFormSchema>;

/** The current text of a recommendation row, with its stored HTML rendered in the same write. */
export function textColumns(input: Pick<RecommendationText, "title" | "summary" | "body">) {
  return { title: input.title, summary: input.summary, body: input.body, ...renderedColumns("portal", { bodyHtml: input.body }) };
}

/** Form data → input; topics and rounds are repeated checkboxes. */
export function parseRecommendationForm(form: FormData) {
  const result = RecommendationFormSchema.safeParse({ ...Object.fromEntries(form), topics: form.getAll("topics"), rounds: form.getAll("rounds") });
  return result.success ? { ok: true as const, data: result.data } : { ok: false as const, errors: fieldErrors(result.error) };
}

/** Topics, rating rounds and meetings a draft may link to (board members see them all). */
export async function listLinkOptions() {
  const [topicRows, roundRows, meetingRows] = await Promise.all([
    db.select({ id: topics.id, title: topics.title }).from(topics).orderBy(topics.title),
    db.select({ id: ratingRounds.id, title: ratingRounds.title }).from(ratingRounds).orderBy(ratingRounds.title),
    db.select({ id: meetings.id, name: meetings.name, start: meetings.start }).from(meetings).where(eq(meetings.cancelled, false)).orderBy(meetings.start),
  ]);
  return { topics: topicRows, rounds: roundRows, meetings: meetingRows };
}

/** Ids in the form that do not exist (a stale form or a crafted post) are a 422, not a 500. */
async function checkLinks(tx: Transaction, input: RecommendationInput): Promise<Record<string, string> | null> {
  const count = async (table: typeof topics | typeof ratingRounds | typeof meetings, ids: number[]) =>
    ids.length === 0 ? 0 : (await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids))).length;
  if ((await count(topics, input.topics)) !== input.topics.length) return { topics: m.linkMissing };
  if ((await count(ratingRounds, input.rounds)) !== input.rounds.length) return { rounds: m.linkMissing };
  if (input.meetingId && (await count(meetings, [input.meetingId])) !== 1) return { meetingId: m.linkMissing };
  return null;
}

/** A recommendation's links to papers (in the order given), topics and rating rounds. */
export async function insertLinks(tx: Executor, recommendationId: number, links: { paperIds: number[]; topicIds: number[]; roundIds: number[] }) {
  if (links.paperIds.length) await tx.insert(recommendationPapers).values(links.paperIds.map((paperId, position) => ({ recommendationId, paperId, position })));
  if (links.topicIds.length) await tx.insert(recommendationTopics).values(links.topicIds.map((topicId) => ({ recommendationId, topicId })));
  if (links.roundIds.length) await tx.insert(recommendationRounds).values(links.roundIds.map((roundId) => ({ recommendationId, roundId })));
}

async function replaceLinks(tx: Transaction, recommendationId: number, input: RecommendationInput, paperIds: number[]) {
  await tx.delete(recommendationPapers).where(eq(recommendationPapers.recommendationId, recommendationId));
  await tx.delete(recommendationTopics).where(eq(recommendationTopics.recommendationId, recommendationId));
  await tx.delete(recommendationRounds).where(eq(recommendationRounds.recommendationId, recommendationId));
  await insertLinks(tx, recommendationId, { paperIds, topicIds: input.topics, roundIds: input.rounds });
}

/** Resolves references to paper ids; names the first that does not exist. */
async function resolvePapers(tx: Transaction, references: string[]) {
  if (references.length === 0) return { ok: true as const, ids: [] as number[] };
  const rows = await tx.select({ id: papers.id, reference: papers.reference }).from(papers).where(inArray(papers.reference, references));
  const missing = references.find((ref) => !rows.some((row) => row.reference === ref));
  if (missing) return { ok: false as const, missing };
  return { ok: true as const, ids: references.map((ref) => rows.find((row) => row.reference === ref)!.id) };
}

export async function createRecommendation({ actor, input }: { actor: Actor; input: RecommendationInput }) {
  if (!can(actor, "create:recommendation")) return refuse(403, { form: t.common.errors.forbidden });
  return db.transaction(async (tx) => {
    const resolved = await resolvePapers(tx, input.papers);
    if (!resolved.ok) return refuse(422, { papers: m.paperMissing(resolved.missing) });
    const linkErrors = await checkLinks(tx, input);
    if (linkErrors) return refuse(422, linkErrors);
    const [rec] = await tx
      .insert(recommendations)
      .values({
        ...textColumns(input),
        createdById: actor.id,
        meetingId: input.meetingId,
      })
      .returning({ id: recommendations.id });
    await tx
      .insert(recommendationVersions)
      .values({ recommendationId: rec.id, number: 1, title: input.title, summary: input.summary, body: input.body, authorId: actor.id });
    await replaceLinks(tx, rec.id, input, resolved.ids);
    await createRecommendationDiscussion(tx, { recommendationId: rec.id, title: input.title, linkedTopicId: input.topics[0] ?? null, authorId: actor.id });
    await recordAudit(tx, audit("recommendation.created", rec.id, actor.id, { papers: input.papers }));
    return { ok: true as const, id: rec.id };
  });
}

/** Locks the row for the rest of the transaction, so concurrent changes queue up. */
export async function lockRecommendation(tx: Transaction, id: number) {
  const [row] = await tx.select().from(recommendations).where(eq(recommendations.id, id)).for("update");
  return row ?? null;
}

/**
 * Saves a new version of a draft. `baseVersion` is the version the editor started from; if a
 * co-author saved in between, the save is refused (409) instead of silently overwriting.
 */
export async function saveDraft({ actor, id, input, baseVersion }: { actor: Actor; id: number; input: RecommendationInput; baseVersion: number }) {
  return db.transaction(async (tx) => {
    const rec = await lockRecommendation(tx, id);
    if (!rec) return refuse(404, { form: t.common.errors.notFound });
    if (!(await mayEditDraft({ id, user: actor, executor: tx }))) return refuse(403, { form: m.notAuthor });
    if (!isAllowed(rec.status, "edit")) return refuse(409, { form: m.frozen });
    if (rec.latestVersion !== baseVersion) return refuse(409, { form: m.staleVersion(rec.latestVersion) });
    const resolved = await resolvePapers(tx, input.papers);
    if (!resolved.ok) return refuse(422, { papers: m.paperMissing(resolved.missing) });
    const linkErrors = await checkLinks(tx, input);
    if (linkErrors) return refuse(422, linkErrors);
    const textChanged = rec.title !== input.title || rec.summary !== input.summary || rec.body !== input.body;
    const number = textChanged ? rec.latestVersion + 1 : rec.latestVersion;
    if (textChanged) {
      await tx
        .insert(recommendationVersions)
        .values({ recommendationId: id, number, title: input.title, summary: input.summary, body: input.body, authorId: actor.id });
    }
    await tx
      .update(recommendations)
      .set({
        ...textColumns(input),
        latestVersion: number,
        meetingId: input.meetingId,
        updatedAt: new Date(),
      })
      .where(eq(recommendations.id, id));
    await replaceLinks(tx, id, input, resolved.ids);
    if (rec.title !== input.title) await renameRecommendationDiscussion(tx, { topicId: rec.discussionTopicId, title: input.title });
    await recordAudit(tx, audit("recommendation.draft_saved", id, actor.id, { version: number, papers: input.papers }));
    return { ok: true as const, version: number };
  });
}

export async function addCoauthor({ actor, id, userId }: { actor: Actor; id: number; userId: number }) {
  return db.transaction(async (tx) => {
    const rec = await lockRecommendation(tx, id);
    if (!rec) return refuse(404, { form: t.common.errors.notFound });
    if (!(await mayEditDraft({ id, user: actor, executor: tx }))) return refuse(403, { form: m.notAuthor });
    if (!isAllowed(rec.status, "edit")) return refuse(409, { form: m.frozen });
    const [candidate] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), inArray(users.role, ["expert", "staff"]), sql`${users.disabledAt} is null and ${users.deletedAt} is null`));
    if (!candidate) return refuse(422, { coauthor: m.coauthorInvalid });
    const inserted = await tx.insert(recommendationCoauthors).values({ recommendationId: id, userId }).onConflictDoNothing().returning();
    if (inserted.length > 0) {
      await recordAudit(tx, audit("recommendation.coauthor_added", id, actor.id, { userId }));
    }
    return { ok: true as const };
  });
}

/** The edit form's values: current text and links, references as the user types them. */
export async function getDraftFormValues({ id }: { id: number }) {
  const [rec] = await db
    .select({ title: recommendations.title, summary: recommendations.summary, body: recommendations.body, meetingId: recommendations.meetingId })
    .from(recommendations)
    .where(eq(recommendations.id, id));
  if (!rec) return null;
  const [paperRows, topicRows, roundRows] = await Promise.all([
    db
      .select({ reference: papers.reference })
      .from(recommendationPapers)
      .innerJoin(papers, eq(papers.id, recommendationPapers.paperId))
      .where(eq(recommendationPapers.recommendationId, id))
      .orderBy(recommendationPapers.position),
    db.select({ id: recommendationTopics.topicId }).from(recommendationTopics).where(eq(recommendationTopics.recommendationId, id)),
    db.select({ id: recommendationRounds.roundId }).from(recommendationRounds).where(eq(recommendationRounds.recommendationId, id)),
  ]);
  return {
    ...rec,
    papers: paperRows.map((p) => p.reference).join(", "),
    topics: topicRows.map((r) => r.id),
    rounds: roundRows.map((r) => r.id),
  };
}

/** Title, summary and body of two versions compared; null when either does not exist. */
export async function compareVersions({ id, from, to }: { id: number; from: number; to: number }) {
  const rows = await db
    .select()
    .from(recommendationVersions)
    .where(and(eq(recommendationVersions.recommendationId, id), inArray(recommendationVersions.number, [from, to])));
  const older = rows.find((r) => r.number === from);
  const newer = rows.find((r) => r.number === to);
  if (!older || !newer) return null;
  return (["title", "summary", "body"] as const).map((field) => ({ field, parts: diffText(older[field], newer[field]) }));
}
