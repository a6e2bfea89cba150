import { and, desc, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { recommendations } from "#db/schema";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { shownHtml } from "~/server/markdown/stored.server";
import { visibleTo } from "~/recommendations/recommendations.server";
import { type Reader } from "~/policy.server";

export const FEED_SIZE = 50;

/** Published recommendations the reader may see (visitors: public ones), newest first; feed and start page. */
export async function listFeedEntries({ reader, limit = FEED_SIZE }: { reader: Reader; limit?: number }) {
  return db
    .select({
      id: recommendations.id,
      reference: recommendations.reference,
      title: recommendations.title,
      summary: recommendations.summary,
      body: recommendations.body,
      bodyHtml: recommendations.bodyHtml,
      htmlStamp: recommendations.htmlStamp,
      publishedAt: recommendations.publishedAt,
      updatedAt: recommendations.updatedAt,
    })
    .from(recommendations)
    .where(and(eq(recommendations.status, "published"), visibleTo(reader)))
    .orderBy(desc(recommendations.publishedAt), desc(recommendations.id))
    .limit(limit);
}

// XML 1.0 forbids most control characters even when escaped.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(value: string) {
  return value.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

type Entry = Awaited<ReturnType<typeof listFeedEntries>>[number];

function entryXml(entry: Entry, base: string) {
  const url = `${base}/empfehlungen/${entry.id}`;
  const published = (entry.publishedAt ?? entry.updatedAt).toISOString();
  const updated = (entry.updatedAt > (entry.publishedAt ?? entry.updatedAt) ? entry.updatedAt : (entry.publishedAt ?? entry.updatedAt)).toISOString();
  return [
    "  <entry>",
    `    <title>${escapeXml(`${entry.reference}: ${entry.title}`)}</title>`,
    `    <id>${escapeXml(url)}</id>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    `    <published>${published}</published>`,
    `    <updated>${updated}</updated>`,
    entry.summary ? `    <summary>${escapeXml(entry.summary)}</summary>` : null,
    `    <content type="html">${escapeXml(shownHtml("portal", entry.body, entry.bodyHtml, entry.htmlStamp))}</content>`,
    "  </entry>",
  ]
    .filter(Boolean)
    .join("\n");
}

/** Atom 1.0 document; every text and attribute escaped, dates in RFC 3339. */
export function renderAtomFeed(entries: Entry[]) {
  const { PORTAL_URL, BOARD_NAME } = env();
  const base = PORTAL_URL.replace(/\/$/, "");
  const updated = entries.reduce<Date>((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), new Date(0));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <title>${escapeXml(`${t.recommendations.feedTitle} – ${BOARD_NAME}`)}</title>`,
    `  <id>${escapeXml(`${base}/empfehlungen`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/empfehlungen.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/empfehlungen`)}"/>`,
    `  <updated>${(entries.length ? updated : new Date(0)).toISOString()}</updated>`,
    `  <author><name>${escapeXml(BOARD_NAME)}</name></author>`,
    ...entries.map((entry) => entryXml(entry, base)),
    "</feed>",
    "",
  ].join("\n");
}
