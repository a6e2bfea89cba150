import { sql, type SQL } from "drizzle-orm";
import { commitments } from "#db/schema";
import { qualified } from "~/papers/status.server";
import { can, type Reader } from "~/policy.server";

/**
 * Which commitments a reader may see, as a where clause on `commitments`: the board all of them;
 * council members and visitors only those staff marked public whose recommendation or paper
 * they may see themselves (published recommendations; visitors only public ones and public papers).
 */
export function commitmentVisibleTo(reader: Reader): SQL {
  if (can(reader, "read:commitment:internal")) return sql`true`;
  const publishedRecommendation = can(reader, "read:recommendation:published") ? sql`true` : sql`r.is_public`;
  const paper = can(reader, "read:paper:internal") ? sql`true` : sql`p.is_public`;
  const id = qualified(commitments.id);
  return sql`(${qualified(commitments.isPublic)} and (
    exists (select 1 from commitment_recommendations cr join recommendations r on r.id = cr.recommendation_id
      where cr.commitment_id = ${id} and r.status = 'published' and ${publishedRecommendation})
    or exists (select 1 from papers p where p.id = ${qualified(commitments.sourcePaperId)} and p.oparl_source_deleted_at is null and ${paper})))`;
}

/** Board members read the internal comments of a commitment's history. */
export function readsInternalEntries(reader: Reader) {
  return can(reader, "read:commitment:internal");
}
