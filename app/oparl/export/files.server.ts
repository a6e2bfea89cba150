import { sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import type { DocumentOwnerType, DocumentRole } from "#db/schema";
import { documentVisibleTo, OWNER_JOINS } from "~/documents/owners.server";
import { berlinDate, compact, oparlDateTime, typeUrl, VENDOR, type OparlObject } from "./format";
import { oparlUrls, portalUrl } from "./urls.server";

/**
 * OParl File objects for the documents a visitor may download (the same rule as the portal:
 * documentVisibleTo(null)); imported papers that the RIS deleted take their files along.
 */
const PUBLIC_FILES = sql`from documents d
  join document_versions v on v.document_id = d.id and v.version = d.current_version
  ${OWNER_JOINS}
  where ${documentVisibleTo(null)} and d.owner_type <> 'proposal' and (op.id is null or op.oparl_source_deleted_at is null)`;

export const FILE_INDEX = sql`select d.id::text as key, d.created_at as created, d.updated_at as modified ${PUBLIC_FILES}`;

type FileRow = {
  id: number;
  owner_type: DocumentOwnerType;
  owner_id: number;
  role: DocumentRole;
  label: string;
  file_name: string;
  mime_type: string;
  size: string | number;
  sha512: string;
  text: string | null;
  imported_from: string | null;
  version_created: string;
  created: string;
  modified: string;
};

const OWNER_LINK: Record<DocumentOwnerType, (id: number) => { property: string; url: string } | null> = {
  paper: (id) => ({ property: "paper", url: oparlUrls.object("paper", id) }),
  recommendation: (id) => ({ property: "paper", url: oparlUrls.object("paper", `em-${id}`) }),
  meeting: (id) => ({ property: "meeting", url: oparlUrls.object("meeting", id) }),
  agendaItem: (id) => ({ property: "agendaItem", url: oparlUrls.object("agendaItem", id) }),
  proposal: () => null,
};

function fileObject(row: FileRow): OparlObject {
  const owner = OWNER_LINK[row.owner_type](row.owner_id);
  const url = portalUrl(`/dokumente/${row.id}`);
  return compact({
    id: oparlUrls.object("file", row.id),
    type: typeUrl("File"),
    name: row.label,
    fileName: row.file_name,
    mimeType: row.mime_type,
    date: berlinDate(new Date(row.version_created)),
    size: Number(row.size),
    sha512Checksum: row.sha512,
    text: row.text ?? undefined,
    accessUrl: url,
    downloadUrl: url,
    ...(owner ? { [owner.property]: [owner.url] } : {}),
    [`${VENDOR}:source`]: row.imported_from ?? undefined,
    created: oparlDateTime(row.created),
    modified: oparlDateTime(row.modified),
  }) as OparlObject;
}

const COLUMNS = sql`d.id, d.owner_type, coalesce(d.paper_id, d.meeting_id, d.agenda_item_id, d.recommendation_id) as owner_id, d.role, d.label,
  v.file_name, v.mime_type, v.size, v.sha512, v.text, d.imported_from, v.created_at as version_created, d.created_at as created, d.updated_at as modified`;

export async function loadFiles(keys: string[]): Promise<Map<string, OparlObject>> {
  const ids = keys.filter((key) => /^[0-9]{1,9}$/.test(key)).map(Number);
  if (ids.length === 0) return new Map();
  const rows = await queryRows<FileRow>(db, sql`select ${COLUMNS} ${PUBLIC_FILES} and d.id in (${sql.join(ids, sql`, `)})`);
  return new Map(rows.map((row) => [String(row.id), fileObject(row)]));
}

export type OwnerFiles = Map<number, { role: DocumentRole; object: OparlObject }[]>;

/** Public files of several owners, of one or more types, in their order, for embedding: one query. */
export async function publicFilesOfOwners(owners: Partial<Record<DocumentOwnerType, number[]>>): Promise<Map<DocumentOwnerType, OwnerFiles>> {
  const result = new Map<DocumentOwnerType, OwnerFiles>();
  const conditions = (Object.entries(owners) as [DocumentOwnerType, number[] | undefined][])
    .filter(([, ids]) => ids && ids.length > 0)
    .map(
      ([type, ids]) =>
        sql`(d.owner_type = ${type} and coalesce(d.paper_id, d.meeting_id, d.agenda_item_id, d.recommendation_id) in (${sql.join(ids!, sql`, `)}))`,
    );
  if (conditions.length === 0) return result;
  const rows = await queryRows<FileRow>(db, sql`select ${COLUMNS} ${PUBLIC_FILES} and (${sql.join(conditions, sql` or `)}) order by d.position, d.id`);
  for (const row of rows) {
    const byOwner = result.get(row.owner_type) ?? new Map();
    const list = byOwner.get(row.owner_id) ?? [];
    list.push({ role: row.role, object: fileObject(row) });
    byOwner.set(row.owner_id, list);
    result.set(row.owner_type, byOwner);
  }
  return result;
}

/** Public files of several owners of one type, in their order, for embedding. */
export async function publicFilesOf(type: DocumentOwnerType, ids: number[]): Promise<OwnerFiles> {
  return (await publicFilesOfOwners({ [type]: ids })).get(type) ?? new Map();
}

/** mainFile, invitation and resultsProtocol take the first file of their role; the rest are auxiliaryFile. */
export function fileProperties(files: { role: DocumentRole; object: OparlObject }[] = [], single: DocumentRole[]) {
  const props: Record<string, OparlObject | OparlObject[]> = {};
  const auxiliary: OparlObject[] = [];
  for (const file of files) {
    const property = file.role === "main" ? "mainFile" : file.role;
    if (single.includes(file.role) && !props[property]) props[property] = file.object;
    else auxiliary.push(file.object);
  }
  if (auxiliary.length) props.auxiliaryFile = auxiliary;
  return props;
}
