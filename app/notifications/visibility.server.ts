import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "#db/client.server";
import { commitments, meetings, papers, ratingRounds, recommendations, topics, type Role } from "#db/schema";
import { commitmentVisibleTo } from "~/commitments/visibility.server";
import { paperVisibleTo } from "~/papers/papers.server";
import { visibleTo as recommendationVisibleTo } from "~/recommendations/recommendations.server";
import { topicVisibleTo } from "~/topics/topics.server";
import { can } from "~/policy.server";

type Reader = { id: number; role: Role };

/** Per object type: its id column and the condition a reader must meet (undefined: none; false: sees none). */
const visibilityRules: Record<string, { id: AnyPgColumn<{ data: number; notNull: true }>; visible: (reader: Reader) => SQL | undefined | false }> = {
  topic: { id: topics.id, visible: topicVisibleTo },
  recommendation: { id: recommendations.id, visible: recommendationVisibleTo },
  paper: { id: papers.id, visible: paperVisibleTo },
  meeting: { id: meetings.id, visible: () => undefined },
  round: {
    id: ratingRounds.id,
    visible: (reader) => {
      if (!can(reader, "read:round")) return false;
      // Drafts only for those who set rounds up, as on the round pages.
      return can(reader, "manage:round") ? undefined : sql`${ratingRounds.status} <> 'draft'`;
    },
  },
  commitment: { id: commitments.id, visible: commitmentVisibleTo },
};

/**
 * Which of the given objects a reader may see right now, by the same conditions the pages use
 * (built from the policy's permissions). Deleted objects are simply not found.
 */
export async function visibleObjectIds(executor: Executor, reader: Reader, type: string, ids: number[]): Promise<Set<number>> {
  const rule = visibilityRules[type];
  if (ids.length === 0 || !rule) return new Set();
  const condition = rule.visible(reader);
  if (condition === false) return new Set();
  const rows = await executor
    .select({ id: rule.id })
    .from(rule.id.table)
    .where(and(inArray(rule.id, ids), condition));
  return new Set(rows.map((row) => row.id));
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
