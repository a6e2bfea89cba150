import { t } from "~/i18n/de";
import type { SourceClient } from "./client.server";
import { isDeleted, isRecord, typeNameOf } from "./normalize";
import type { Outcome } from "./report";

const refused = t.oparl.import.refused;

export type Imported = { outcome: Outcome; id?: string };

/**
 * The checks every imported object starts with, in this order: a JSON object, an id on the
 * source's own host, not deleted (a deleted one goes to `onDeleted`), the expected OParl type.
 * Returns the object and its id, or what to report when a check ends the import.
 */
export async function admitSourceObject(
  client: SourceClient,
  raw: unknown,
  type: string,
  onDeleted: (id: string) => Promise<Outcome>,
): Promise<{ raw: Record<string, unknown>; id: string } | { done: Imported }> {
  if (!isRecord(raw)) return { done: { outcome: { refused: refused.notObject } } };
  const id = client.own(raw.id);
  if (!id) return { done: { outcome: { refused: typeof raw.id === "string" ? refused.foreignHost : refused.noId }, id: String(raw.id ?? "") } };
  if (isDeleted(raw)) return { done: { outcome: await onDeleted(id), id } };
  if (typeNameOf(raw.type) !== type) return { done: { outcome: { refused: refused.wrongType(String(raw.type ?? "")) }, id } };
  return { raw, id };
}
