import { customType, index, integer, pgTable, primaryKey, text, timestamp, type AnyPgColumn, type UpdateDeleteAction } from "drizzle-orm/pg-core";

/** Postgres tsvector, used for generated full-text search columns. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/**
 * Markdown rendered once at write time (derived, never edited by hand): the sanitized HTML of a
 * source column, and per row the stamp of the renderer that made it (app/lib/stored-markdown.server.ts).
 * Null or an older stamp: the page renders from the source and a job re-renders the row.
 */
export const renderedHtml = (name: string) => text(name);
export const htmlStamp = () => text("html_stamp");

/** Both, for a table whose rows change after they are made. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** The integer key every table without a natural key has. */
export const identity = () => integer("id").primaryKey().generatedAlwaysAsIdentity();

/** A foreign key that must be set; `onDelete` says what deleting the target does to the row. */
export const requiredRef = <TName extends string>(name: TName, target: () => AnyPgColumn, onDelete: UpdateDeleteAction) =>
  integer(name).notNull().references(target, { onDelete });

type LinkEnd<TKey extends string> = Record<TKey, () => AnyPgColumn>;
const onlyKey = <TKey extends string>(end: LinkEnd<TKey>) => Object.keys(end)[0] as TKey;
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * A pure many-to-many table: one key column per end (`topicId` → `topic_id`), both required and
 * cascading, together the primary key; the second end is indexed (`<table>_topic_idx` unless named).
 */
export function linkTable<TName extends string, TFirst extends string, TSecond extends string>(
  name: TName,
  first: LinkEnd<TFirst>,
  second: LinkEnd<TSecond>,
  indexName?: string,
) {
  const [firstKey, secondKey] = [onlyKey(first), onlyKey(second)];
  const column = (key: string, target: () => AnyPgColumn) => requiredRef(snakeCase(key), target, "cascade");
  const columns = { [firstKey]: column(firstKey, first[firstKey]), [secondKey]: column(secondKey, second[secondKey]) } as Record<
    TFirst | TSecond,
    ReturnType<typeof column>
  >;
  const secondIndex = indexName ?? `${name}_${snakeCase(secondKey).replace(/_id$/, "")}_idx`;
  return pgTable(name, columns, (t) => [primaryKey({ columns: [t[firstKey], t[secondKey]] }), index(secondIndex).on(t[secondKey])]);
}
