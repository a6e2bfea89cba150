import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { documents, documentVersions, PORTAL_OWNER, users, type DocumentMimeType, type DocumentRole, type TextState } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import type { SessionUser } from "~/accounts/session.server";
import { t } from "~/i18n/de";
import { RefusalError } from "~/lib/refusal";
import { documentChangeVerdict, mayReadDocumentsOf, type DocumentOwnerFacts, type Reader } from "~/policy.server";
import { loadOwner, type OwnerRef } from "./owners.server";
import { OWNER_COLUMNS, ownerRefOfDocument, requireChangeableOwner, ROLES_BY_OWNER } from "./upload.server";

export type DocumentVersionItem = {
  version: number;
  fileName: string;
  mimeType: DocumentMimeType;
  size: number;
  createdAt: string;
  uploadedBy: string;
  textState: TextState;
  pages: number | null;
};
export type DocumentItem = { id: number; label: string; role: DocumentRole; current: DocumentVersionItem; older: DocumentVersionItem[] };
export type DocumentSection = {
  owner: string;
  items: DocumentItem[];
  change: "allowed" | "forbidden" | "frozen";
  roles: readonly DocumentRole[];
};

/** Documents of an object for its page (one query), and whether the reader may change them. */
export async function loadDocumentSection({
  ref,
  reader,
  facts: known,
}: {
  ref: OwnerRef;
  reader: Reader;
  /** The owner's facts when the page has just read the owner itself (saves reading it again). */
  facts?: DocumentOwnerFacts;
}): Promise<DocumentSection | null> {
  const facts = known ?? (await loadOwner(db, ref, reader))?.facts;
  if (!facts || !mayReadDocumentsOf(reader, facts)) return null;
  const items = (await listDocumentItems({ type: ref.type, ids: [ref.id] })).get(ref.id) ?? [];
  return { owner: `${ref.type}:${ref.id}`, items, change: documentChangeVerdict(reader, facts), roles: ROLES_BY_OWNER[ref.type] };
}

/**
 * The live documents of several objects of one type with all their versions, newest first, in
 * one query. The caller passes only ids the reader may see (e.g. the agenda items its page lists).
 */
export async function listDocumentItems({ type, ids }: { type: OwnerRef["type"]; ids: number[] }): Promise<Map<number, DocumentItem[]>> {
  const byOwner = new Map<number, DocumentItem[]>();
  if (ids.length === 0) return byOwner;
  const column = OWNER_COLUMNS[type];
  const rows = await db
    .select({
      ownerId: column,
      id: documents.id,
      label: documents.label,
      role: documents.role,
      version: documentVersions.version,
      fileName: documentVersions.fileName,
      mimeType: documentVersions.mimeType,
      size: documentVersions.size,
      createdAt: documentVersions.createdAt,
      textState: documentVersions.textState,
      pages: documentVersions.pages,
      uploader: users.name,
      imported: documents.importedFrom,
    })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .leftJoin(users, eq(users.id, documentVersions.uploadedById))
    .where(and(inArray(column, ids), isNull(documents.deletedAt)))
    .orderBy(asc(documents.position), asc(documents.id), desc(documentVersions.version))
    .limit(2_000);
  const items = new Map<number, DocumentItem>();
  for (const row of rows) {
    const version: DocumentVersionItem = {
      version: row.version,
      fileName: row.fileName,
      mimeType: row.mimeType,
      size: row.size,
      createdAt: row.createdAt.toISOString(),
      uploadedBy: row.uploader ?? (row.imported ? t.documents.section.fromRis : t.common.formerMember),
      textState: row.textState,
      pages: row.pages,
    };
    const item = items.get(row.id);
    if (item) {
      item.older.push(version);
      continue;
    }
    const created: DocumentItem = { id: row.id, label: row.label, role: row.role, current: version, older: [] };
    items.set(row.id, created);
    const list = byOwner.get(row.ownerId!) ?? [];
    list.push(created);
    byOwner.set(row.ownerId!, list);
  }
  return byOwner;
}

export type Download = {
  documentId: number;
  version: number;
  contentId: number;
  fileName: string;
  mimeType: DocumentMimeType;
  size: number;
  sha512: string;
};

/** A version of a live document the reader may see (null also for what they may not see: 404, never 403). */
export async function findDownload({ id, version, reader }: { id: number; version: number | null; reader: Reader }): Promise<Download | null> {
  // Portal files (the DGS video) are public: the pages that show them are.
  if (!(await isLivePortalFile(id))) {
    const ref = await ownerRefOfDocument(db, id);
    if (!ref) return null;
    const owner = await loadOwner(db, ref, reader);
    if (!owner || !mayReadDocumentsOf(reader, owner.facts)) return null;
  }
  const [row] = await db
    .select({
      documentId: documents.id,
      version: documentVersions.version,
      contentId: documentVersions.contentId,
      fileName: documentVersions.fileName,
      mimeType: documentVersions.mimeType,
      size: documentVersions.size,
      sha512: documentVersions.sha512,
    })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(and(eq(documents.id, id), version === null ? eq(documentVersions.version, documents.currentVersion) : eq(documentVersions.version, version)));
  return row ?? null;
}

async function isLivePortalFile(id: number) {
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.id, id), eq(documents.ownerType, PORTAL_OWNER), isNull(documents.deletedAt)));
  return Boolean(row);
}

/** Soft delete (the versions stay for the record), audited. */
export async function deleteDocument({ id, user, confirmed }: { id: number; user: SessionUser; confirmed: boolean }) {
  return db.transaction(async (tx) => {
    const ref = await ownerRefOfDocument(tx, id);
    if (!ref) throw new RefusalError(404, t.documents.errors.notFound);
    const owner = await requireChangeableOwner(tx, ref, user);
    if (!confirmed) throw new RefusalError(400, t.documents.errors.intent);
    const [row] = await tx
      .update(documents)
      .set({ deletedAt: sql`now()`, deletedById: user.id, updatedAt: sql`now()` })
      .where(and(eq(documents.id, id), isNull(documents.deletedAt)))
      .returning({ label: documents.label });
    if (!row) throw new RefusalError(404, t.documents.errors.notFound);
    await recordAudit(tx, {
      actorId: user.id,
      action: "document.deleted",
      objectType: "document",
      objectId: id,
      details: { owner: `${ref.type}:${ref.id}`, label: row.label },
    });
    return { ownerUrl: owner.url };
  });
}

/** The member's uploads for the data export (art. 15 GDPR): what, where, when. */
export async function exportUploadsOf(executor: Executor, userId: number) {
  const rows = await executor
    .select({
      documentId: documents.id,
      label: documents.label,
      ownerType: documents.ownerType,
      version: documentVersions.version,
      fileName: documentVersions.fileName,
      mimeType: documentVersions.mimeType,
      size: documentVersions.size,
      sha512: documentVersions.sha512,
      uploadedAt: documentVersions.createdAt,
      deletedAt: documents.deletedAt,
    })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(eq(documentVersions.uploadedById, userId))
    .orderBy(asc(documentVersions.createdAt), asc(documentVersions.id))
    .limit(10_000);
  return rows.map((row) => ({ ...row, uploadedAt: row.uploadedAt.toISOString(), deletedAt: row.deletedAt?.toISOString() ?? null }));
}
