import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "#db/client.server";

/** Words under /themen that are routes, not topics. */
const RESERVED = new Set(["neu", "handlungsfelder", "vorschau"]);
const SLUG_MAX = 80;

const TRANSLITERATION: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", Ä: "ae", Ö: "oe", Ü: "ue", ẞ: "ss" };

/** "Chatbot „Schängel“ für die Bürgerkommunikation" → "chatbot-schaengel-fuer-die-buergerkommunikation" */
export function slugify(title: string): string {
  const slug = title
    .replace(/[äöüßÄÖÜẞ]/g, (letter) => TRANSLITERATION[letter])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
  return slug || "thema";
}

/** The slug, or slug-2, slug-3 … when taken; the unique constraint still guards races. */
export async function uniqueTopicSlug(executor: Executor, title: string): Promise<string> {
  const base = slugify(title);
  const rows = await queryRows<{ slug: string }>(executor, sql`select slug from topics where slug = ${base} or slug ~ ${`^${base}-[0-9]+$`}`);
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base) && !RESERVED.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Slugs from URLs are checked before they reach SQL (a NUL byte would make PostgreSQL fail). */
export function isTopicSlug(value: string) {
  return value.length <= SLUG_MAX + 12 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}
