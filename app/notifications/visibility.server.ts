import { and, inArray, sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { commitments, meetings, papers, ratingRounds, recommendations, topics, type Role } from "#db/schema";
import { commitmentVisibleTo } from "~/commitments/visibility.server";
import { paperVisibleTo } from "~/papers/papers.server";
import { visibleTo as recommendationVisibleTo } from "~/recommendations/recommendations.server";
import { topicVisibleTo } from "~/topics/topics.server";
import { can } from "~/policy.server";

/**
 * Which of the given objects a reader may see right now, by the same conditions the pages use
 * (built from the policy's permissions). Deleted objects are simply not found.
 */
export async function visibleObjectIds(executor: Executor, reader: { id: number; role: Role }, type: string, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const pick = async (rows: Promise<Array<{ id: number }>>) => new Set((await rows).map((row) => row.id));
  switch (type) {
    case "topic":
      return pick(
        executor
          .select({ id: topics.id })
          .from(topics)
          .where(and(inArray(topics.id, ids), topicVisibleTo(reader))),
      );
    case "recommendation":
      return pick(
        executor
          .select({ id: recommendations.id })
          .from(recommendations)
          .where(and(inArray(recommendations.id, ids), recommendationVisibleTo(reader))),
      );
    case "paper":
      return pick(
        executor
          .select({ id: papers.id })
          .from(papers)
          .where(and(inArray(papers.id, ids), paperVisibleTo(reader))),
      );
    case "meeting":
      return pick(executor.select({ id: meetings.id }).from(meetings).where(inArray(meetings.id, ids)));
    case "round":
      if (!can(reader, "read:round")) return new Set();
      return pick(
        executor
          .select({ id: ratingRounds.id })
          .from(ratingRounds)
          // Drafts only for those who set rounds up, as on the round pages.
          .where(and(inArray(ratingRounds.id, ids), can(reader, "manage:round") ? undefined : sql`${ratingRounds.status} <> 'draft'`)),
      );
    case "commitment":
      return pick(
        executor
          .select({ id: commitments.id })
          .from(commitments)
          .where(and(inArray(commitments.id, ids), commitmentVisibleTo(reader))),
      );
    default:
      return new Set();
  }
}

/** Filters members to those who may see the object (grouped by role: one query per role). */
export async function membersWhoMaySee<T extends { id: number; role: Role }>(executor: Executor, members: T[], type: string, id: number) {
  const byRole = new Map<Role, T[]>();
  for (const member of members) byRole.set(member.role, [...(byRole.get(member.role) ?? []), member]);
  const allowed: T[] = [];
  for (const [, group] of byRole) {
    if ((await visibleObjectIds(executor, group[0], type, [id])).has(id)) allowed.push(...group);
  }
  return allowed;
}
