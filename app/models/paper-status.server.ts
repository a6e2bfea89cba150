import { sql, type SQL } from "drizzle-orm";

export const PAPER_STATUSES = ["offen", "beschlossen", "erledigt"] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

/**
 * Status derived from the Gremienweg, never stored: "beschlossen" once a deciding body adopted
 * it (einstimmig, mehrheitlich, geändert); "erledigt" once a deciding or informed body closed it
 * otherwise (Kenntnis, abgelehnt, verworfen); else "offen" (no result yet, vertagt, abgesetzt, ohne BE).
 */
export function paperStatusSql(paperId: SQL | unknown): SQL<PaperStatus> {
  return sql<PaperStatus>`case
    when exists (select 1 from consultations c where c.paper_id = ${paperId} and c.role = 'entscheidung'
      and c.result in ('einstimmig', 'mehrheitlich', 'geaendert')) then 'beschlossen'
    when exists (select 1 from consultations c where c.paper_id = ${paperId} and c.role in ('entscheidung', 'kenntnisnahme')
      and c.result in ('kenntnis', 'abgelehnt', 'verworfen')) then 'erledigt'
    else 'offen' end`;
}

/** "AT/0014/2025" ⇄ "AT-0014-2025" (the form used in URLs). */
export function paperSlug(reference: string) {
  return reference.replaceAll("/", "-");
}

export function referenceFromSlug(slug: string): string | null {
  return /^[A-Z]{2}-[0-9]{4}-[0-9]{4}$/.test(slug) ? slug.replaceAll("-", "/") : null;
}

export function paperPath(reference: string) {
  return `/vorlagen/${paperSlug(reference)}`;
}
