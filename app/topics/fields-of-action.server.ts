import { asc, eq, sql } from "drizzle-orm";
import { refuse } from "~/lib/refusal";
import { findErrorCode } from "~/lib/error-chain";
import { db } from "#db/client.server";
import { topicFields, topics } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import type { Failure } from "~/topics/topics.server";

type Actor = { id: number };

/** Fields of action in their order, with how many topics use each. */
export async function listFields() {
  return db
    .select({
      id: topicFields.id,
      name: topicFields.name,
      position: topicFields.position,
      topicCount: sql<number>`(select count(*)::int from ${topics} t where t.field_id = ${topicFields.id})`,
    })
    .from(topicFields)
    .orderBy(asc(topicFields.position), asc(topicFields.name));
}

const duplicate: Failure = refuse(409, "Ein Handlungsfeld mit diesem Namen gibt es schon.");

function isUniqueViolation(error: unknown) {
  return findErrorCode(error, (code) => code === "23505") !== null;
}

async function nameTaken(name: string, exceptId?: number) {
  const rows = await db
    .select({ id: topicFields.id })
    .from(topicFields)
    .where(sql`lower(${topicFields.name}) = lower(${name})`);
  return rows.some((row) => row.id !== exceptId);
}

export async function createField({ actor, name, position }: { actor: Actor; name: string; position: number }) {
  if (await nameTaken(name)) return duplicate;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(topicFields).values({ name, position }).returning({ id: topicFields.id });
      await recordAudit(tx, { actorId: actor.id, action: "topic_field.created", objectType: "topic_field", objectId: row.id, details: { name } });
      return { ok: true as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

export async function updateField({ actor, id, name, position }: { actor: Actor; id: number; name: string; position: number }) {
  if (await nameTaken(name, id)) return duplicate;
  try {
    return await db.transaction(async (tx): Promise<Failure | { ok: true }> => {
      const [row] = await tx.update(topicFields).set({ name, position }).where(eq(topicFields.id, id)).returning({ id: topicFields.id });
      if (!row) return refuse(404, "Dieses Handlungsfeld gibt es nicht.");
      await recordAudit(tx, { actorId: actor.id, action: "topic_field.updated", objectType: "topic_field", objectId: id, details: { name, position } });
      return { ok: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

/** Only unused fields can go: topics keep their field (the foreign key refuses too). */
export async function deleteField({ actor, id }: { actor: Actor; id: number }) {
  return db.transaction(async (tx): Promise<Failure | { ok: true }> => {
    const [used] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.fieldId, id)).limit(1);
    if (used) return refuse(409, "Dieses Handlungsfeld hat noch Themen und kann nicht gelöscht werden.");
    const [row] = await tx.delete(topicFields).where(eq(topicFields.id, id)).returning({ name: topicFields.name });
    if (!row) return refuse(404, "Dieses Handlungsfeld gibt es nicht.");
    await recordAudit(tx, { actorId: actor.id, action: "topic_field.deleted", objectType: "topic_field", objectId: id, details: { name: row.name } });
    return { ok: true };
  });
}
