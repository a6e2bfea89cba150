import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "#db/client.server";
import { DOCUMENT_OWNER_TYPES, type DocumentOwnerType } from "#db/schema";
import { can, type DocumentOwnerFacts, type Reader } from "~/policy.server";
import { paperPath } from "~/papers/paper-path";

export type OwnerRef = { type: DocumentOwnerType; id: number };
export type Owner = { facts: DocumentOwnerFacts; url: string; title: string };

/** "paper:12" as the upload form sends it. */
export function parseOwnerRef(value: unknown): OwnerRef | null {
  const match = typeof value === "string" ? /^([a-zA-Z]{1,20}):([1-9][0-9]{0,9})$/.exec(value) : null;
  if (!match || !(DOCUMENT_OWNER_TYPES as readonly string[]).includes(match[1])) return null;
  const id = Number(match[2]);
  return id <= 2_147_483_647 ? { type: match[1] as DocumentOwnerType, id } : null;
}

export const ownerRefValue = (ref: OwnerRef) => `${ref.type}:${ref.id}`;

type OwnerRow = {
  title: string;
  reference?: string;
  is_public?: boolean;
  meeting_id?: number;
  round_id?: number;
  status?: string;
  is_author?: boolean;
};

const OWNER_QUERIES: Record<DocumentOwnerType, (id: number, userId: number) => SQL> = {
  paper: (id) => sql`select reference || ': ' || name as title, reference, is_public from papers where id = ${id}`,
  meeting: (id) => sql`select name as title from meetings where id = ${id}`,
  agendaItem: (id) => sql`select 'TOP ' || number || ': ' || name as title, is_public, meeting_id from agenda_items where id = ${id}`,
  proposal: (id) => sql`select p.title, p.round_id, r.status from rating_proposals p join rating_rounds r on r.id = p.round_id where p.id = ${id}`,
  recommendation: (id, userId) =>
    sql`select r.title, r.status, r.is_public, (r.created_by_id = ${userId} or exists (
        select 1 from recommendation_coauthors c where c.recommendation_id = r.id and c.user_id = ${userId})) as is_author
      from recommendations r where r.id = ${id}`,
};

/** The object a file belongs to, as the policy sees it, with its page; null if it does not exist. */
export async function loadOwner(executor: Executor, ref: OwnerRef, reader: Reader): Promise<Owner | null> {
  const [row] = await queryRows<OwnerRow>(executor, OWNER_QUERIES[ref.type](ref.id, reader?.id ?? 0));
  if (!row) return null;
  switch (ref.type) {
    case "paper":
      return { facts: { type: "paper", isPublic: Boolean(row.is_public) }, url: paperPath(row.reference!), title: row.title };
    case "meeting":
      return { facts: { type: "meeting" }, url: `/sitzungen/${ref.id}`, title: row.title };
    case "agendaItem":
      return { facts: { type: "agendaItem", isPublic: Boolean(row.is_public) }, url: `/sitzungen/${row.meeting_id}#top-${ref.id}`, title: row.title };
    case "proposal":
      return {
        facts: { type: "proposal", roundStatus: row.status as "draft" },
        url: `/bewertungsrunden/${row.round_id}/vorschlaege/${ref.id}`,
        title: row.title,
      };
    case "recommendation":
      return {
        facts: { type: "recommendation", status: row.status as "draft", isPublic: Boolean(row.is_public), isAuthor: Boolean(row.is_author) },
        url: `/empfehlungen/${ref.id}`,
        title: row.title,
      };
  }
}

/** Joins for `visibleDocuments`: the owner rows of a documents row `d`. */
export const OWNER_JOINS = sql`left join papers op on op.id = d.paper_id
  left join agenda_items oa on oa.id = d.agenda_item_id
  left join meetings om on om.id = coalesce(d.meeting_id, oa.meeting_id)
  left join rating_proposals orp on orp.id = d.proposal_id
  left join rating_rounds orr on orr.id = orp.round_id
  left join recommendations orc on orc.id = d.recommendation_id`;

/** The same rule as mayReadDocumentsOf, as SQL over `d` and OWNER_JOINS (search, OParl, lists). */
export function documentVisibleTo(reader: Reader): SQL {
  const paper = can(reader, "read:paper:internal") ? sql`true` : sql`op.is_public`;
  const item = can(reader, "read:meeting:internal") ? sql`true` : sql`oa.is_public`;
  const proposal = can(reader, "manage:round") ? sql`true` : can(reader, "read:round") ? sql`orr.status <> 'draft'` : sql`false`;
  const recommendation = can(reader, "read:recommendation:draft")
    ? sql`true`
    : can(reader, "read:recommendation:published")
      ? sql`orc.status = 'published'`
      : sql`(orc.status = 'published' and orc.is_public)`;
  // Portal files (the DGS video) are shown on their own page, never in search or OParl.
  return sql`(d.deleted_at is null and case d.owner_type when 'portal' then false when 'paper' then ${paper} when 'meeting' then true
    when 'agendaItem' then ${item} when 'proposal' then ${proposal} else ${recommendation} end)`;
}

/** Where a search hit or a list links to: the owner's page. */
export const OWNER_URL = sql`case d.owner_type
    when 'paper' then '/vorlagen/' || replace(op.reference, '/', '-')
    when 'meeting' then '/sitzungen/' || d.meeting_id
    when 'agendaItem' then '/sitzungen/' || oa.meeting_id || '#top-' || oa.id
    when 'proposal' then '/bewertungsrunden/' || orp.round_id || '/vorschlaege/' || orp.id
    else '/empfehlungen/' || d.recommendation_id end`;

export const OWNER_TITLE = sql`case d.owner_type
    when 'paper' then op.reference || ': ' || op.name
    when 'meeting' then om.name
    when 'agendaItem' then 'TOP ' || oa.number || ': ' || oa.name || ' – ' || om.name
    when 'proposal' then orp.title
    else orc.title end`;
