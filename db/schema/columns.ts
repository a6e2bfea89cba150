import { customType, text, timestamp } from "drizzle-orm/pg-core";

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
