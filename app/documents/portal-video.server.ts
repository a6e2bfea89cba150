import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { documentContents, documents, documentVersions, PORTAL_OWNER, type DocumentMimeType } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import type { SessionUser } from "~/accounts/session.server";
import { t } from "~/i18n/de";
import { findErrorCode } from "~/lib/error-chain";
import { RefusalError } from "~/lib/refusal";
import { sanitiseFileName } from "./file-name";
import { receiveUpload } from "./receive.server";
import { markContentComplete } from "./storage.server";

const ROLE = "signLanguageVideo";
const e = t.documents.errors;

export type PortalVideo = {
  documentId: number;
  version: number;
  label: string;
  fileName: string;
  mimeType: DocumentMimeType;
  size: number;
  uploadedAt: string;
};

/** The current version of the operator's DGS video, or null when none is uploaded or it was deleted. */
export async function currentSignLanguageVideo(): Promise<PortalVideo | null> {
  const [row] = await db
    .select({
      documentId: documents.id,
      version: documentVersions.version,
      label: documents.label,
      fileName: documentVersions.fileName,
      mimeType: documentVersions.mimeType,
      size: documentVersions.size,
      createdAt: documentVersions.createdAt,
    })
    .from(documents)
    .innerJoin(documentVersions, and(eq(documentVersions.documentId, documents.id), eq(documentVersions.version, documents.currentVersion)))
    .where(and(eq(documents.ownerType, PORTAL_OWNER), eq(documents.role, ROLE), isNull(documents.deletedAt)))
    .orderBy(desc(documents.id))
    .limit(1);
  if (!row) return null;
  const { createdAt, ...video } = row;
  return { ...video, uploadedAt: createdAt.toISOString() };
}

/**
 * Uploads the DGS video, or a new version of the one there is. The caller has checked the
 * permission before the body is read. Only MP4 and WebM, up to SIGN_LANGUAGE_VIDEO_MAX_MB; no
 * text job (a video has no text: `text_state` none). Version, content and audit in one transaction.
 */
export async function uploadSignLanguageVideo({ request, user }: { request: Request; user: SessionUser }) {
  const { fields, file } = await receiveUpload(request, async () => {}, "signLanguageVideo");
  try {
    const fileName = sanitiseFileName(file.fileName, file.mimeType);
    const label = (fields.get("label") ?? "").replace(/\s+/g, " ").trim() || t.signLanguage.admin.defaultLabel;
    if (label.length > 200) throw new RefusalError(422, { label: e.label });
    return await db.transaction(async (tx) => {
      const version = {
        contentId: file.contentId,
        fileName,
        mimeType: file.mimeType,
        size: file.size,
        sha512: file.sha512,
        uploadedById: user.id,
        textState: "none" as const,
      };
      const [existing] = await tx
        .update(documents)
        .set({ currentVersion: sql`${documents.currentVersion} + 1`, label, updatedAt: sql`now()` })
        .where(and(eq(documents.ownerType, PORTAL_OWNER), eq(documents.role, ROLE), isNull(documents.deletedAt)))
        .returning({ id: documents.id, currentVersion: documents.currentVersion });
      let documentId: number;
      if (existing) {
        documentId = existing.id;
        await tx.insert(documentVersions).values({ documentId, version: existing.currentVersion, ...version });
        await recordAudit(tx, {
          actorId: user.id,
          action: "document.replaced",
          objectType: "document",
          objectId: documentId,
          details: { owner: PORTAL_OWNER, role: ROLE, version: existing.currentVersion, fileName, sha512: file.sha512 },
        });
      } else {
        const [created] = await tx
          .insert(documents)
          .values({ ownerType: PORTAL_OWNER, role: ROLE, label, createdById: user.id })
          .returning({ id: documents.id });
        documentId = created.id;
        await tx.insert(documentVersions).values({ documentId, version: 1, ...version });
        await recordAudit(tx, {
          actorId: user.id,
          action: "document.uploaded",
          objectType: "document",
          objectId: documentId,
          details: { owner: PORTAL_OWNER, role: ROLE, label, fileName, sha512: file.sha512 },
        });
      }
      await markContentComplete(tx, file.contentId);
      return { documentId };
    });
  } catch (error) {
    await db.delete(documentContents).where(and(eq(documentContents.id, file.contentId), eq(documentContents.complete, false)));
    // Two first uploads at once: the unique index keeps one; the other may simply try again.
    if (findErrorCode(error, (code) => code === "23505")) throw new RefusalError(409, t.signLanguage.admin.concurrent);
    throw error;
  }
}

/** Removes the video from the pages (soft delete; the versions stay for the record), audited. */
export async function deleteSignLanguageVideo({ user, confirmed }: { user: SessionUser; confirmed: boolean }) {
  if (!confirmed) throw new RefusalError(400, { confirm: t.signLanguage.admin.confirmMissing });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(documents)
      .set({ deletedAt: sql`now()`, deletedById: user.id, updatedAt: sql`now()` })
      .where(and(eq(documents.ownerType, PORTAL_OWNER), eq(documents.role, ROLE), isNull(documents.deletedAt)))
      .returning({ id: documents.id, label: documents.label });
    if (!row) throw new RefusalError(404, e.notFound);
    await recordAudit(tx, {
      actorId: user.id,
      action: "document.deleted",
      objectType: "document",
      objectId: row.id,
      details: { owner: PORTAL_OWNER, role: ROLE, label: row.label },
    });
  });
}
