import { eq, isNull, and, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { organizations } from "#db/schema";
import { t } from "~/i18n/de";
import type { SourceClient } from "./client.server";
import { textOf } from "./normalize";
import { admitSourceObject, type Imported } from "./admit.server";

const refused = t.oparl.import.refused;

function slugOf(name: string) {
  const base = name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "gremium";
}

/**
 * An Organization of the source: matched by its OParl id, else by name to a body staff typed
 * in by hand (linked, not duplicated). Deleted organizations stay: Gremienweg steps refer to them.
 */
export async function upsertOrganization(client: SourceClient, input: unknown): Promise<Imported> {
  const admitted = await admitSourceObject(client, input, "Organization", async () => "unchanged");
  if ("done" in admitted) return admitted.done;
  const { raw, id } = admitted;
  const name = textOf(raw.name, 300);
  if (name === "too-long") return { outcome: { refused: refused.tooLong }, id };
  if (!name) return { outcome: { refused: refused.noName }, id };
  const classification = textOf(raw.classification, 100);
  const values = { name, classification: typeof classification === "string" ? classification : "Gremium" };
  return db.transaction(async (tx) => {
    const [known] = await tx.select().from(organizations).where(eq(organizations.oparlSourceId, id));
    if (known) {
      if (known.name === values.name && known.classification === values.classification) return { outcome: "unchanged" as const, id };
      await tx
        .update(organizations)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(organizations.id, known.id));
      return { outcome: "updated" as const, id };
    }
    const [byName] = await tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.name, name), isNull(organizations.oparlSourceId)));
    if (byName) {
      await tx
        .update(organizations)
        .set({ oparlSourceId: id, classification: values.classification, updatedAt: new Date() })
        .where(eq(organizations.id, byName.id));
      return { outcome: "updated" as const, id };
    }
    const taken = await tx
      .select({ shortName: organizations.shortName })
      .from(organizations)
      .where(sql`${organizations.shortName} like ${`${slugOf(name)}%`}`);
    let shortName = slugOf(name);
    for (let n = 2; taken.some((row) => row.shortName === shortName); n++) shortName = `${slugOf(name)}-${n}`;
    await tx.insert(organizations).values({ ...values, shortName, oparlSourceId: id });
    return { outcome: "created" as const, id };
  });
}

/** The local id of a source organization; one the lists did not bring is fetched once. */
export async function resolveOrganization(client: SourceClient, sourceId: string, cache: Map<string, number | null>): Promise<number | null> {
  if (cache.has(sourceId)) return cache.get(sourceId)!;
  let [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.oparlSourceId, sourceId));
  if (!row) {
    const fetched = await client.getJson(sourceId);
    if (fetched.ok) await upsertOrganization(client, fetched.json);
    [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.oparlSourceId, sourceId));
  }
  cache.set(sourceId, row?.id ?? null);
  return row?.id ?? null;
}
