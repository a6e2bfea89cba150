import { asc, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { recommendationComments, users } from "#db/schema";
import { t } from "~/i18n/de";
import { renderMarkdown } from "~/lib/markdown.server";
import { recordAudit } from "~/accounts/audit.server";
import { fail, lockRecommendation, type Actor } from "~/recommendations/drafting.server";
import { isAllowed } from "~/recommendations/rules.server";
import { can } from "~/policy.server";

const m = t.recommendations.errors;

/**
 * Board comments on a draft. The topics' comment tables are bound to a topic (topic_id not
 * null), so recommendations keep their own small, append-only list.
 */
export async function addComment({ actor, id, body }: { actor: Actor; id: number; body: string }) {
  if (!can(actor, "create:comment") || !can(actor, "read:recommendation:draft")) return fail(403, { form: t.common.errors.forbidden });
  return db.transaction(async (tx) => {
    const rec = await lockRecommendation(tx, id);
    if (!rec) return fail(404, { form: t.common.errors.notFound });
    if (!isAllowed(rec.status, "comment")) return fail(409, { comment: m.commentsClosed });
    const [row] = await tx
      .insert(recommendationComments)
      .values({ recommendationId: id, authorId: actor.id, body, versionNumber: rec.latestVersion })
      .returning({ id: recommendationComments.id });
    await recordAudit(tx, { actorId: actor.id, action: "recommendation.commented", objectType: "recommendation", objectId: id, details: { commentId: row.id } });
    return { ok: true as const };
  });
}

/** Board only (the route loads them for board members); Markdown rendered here. */
export async function listComments({ id }: { id: number }) {
  const rows = await db
    .select({
      id: recommendationComments.id,
      body: recommendationComments.body,
      versionNumber: recommendationComments.versionNumber,
      createdAt: recommendationComments.createdAt,
      authorName: users.name,
      authorDeleted: users.deletedAt,
    })
    .from(recommendationComments)
    .leftJoin(users, eq(users.id, recommendationComments.authorId))
    .where(eq(recommendationComments.recommendationId, id))
    .orderBy(asc(recommendationComments.createdAt), asc(recommendationComments.id));
  return rows.map(({ body, authorDeleted, authorName, ...row }) => ({
    ...row,
    authorName: authorDeleted ? null : authorName,
    html: renderMarkdown(body),
  }));
}
