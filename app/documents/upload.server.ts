import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { documentContents, documents, documentVersions, PORTAL_OWNER, type DocumentOwnerType, type DocumentRole } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import type { SessionUser } from "~/accounts/session.server";
import { t } from "~/i18n/de";
import { parseId } from "~/lib/fields";
import { RefusalError } from "~/lib/refusal";
import { documentChangeVerdict, mayReadDocumentsOf, type Actor } from "~/policy.server";
import { enqueueJob } from "~/server/jobs/queue.server";
import { sanitiseFileName } from "./file-name";
import { loadOwner, parseOwnerRef, type Owner, type OwnerRef } from "./owners.server";
import { receiveUpload, type ReceivedFile } from "./receive.server";
import { markContentComplete } from "./storage.server";
import { EXTRACT_TEXT_JOB } from "./text-job.server";

const e = t.documents.errors;

/** Which roles (OParl mainFile, invitation, resultsProtocol, auxiliaryFile) each owner offers. */
export const ROLES_BY_OWNER: Record<DocumentOwnerType, readonly DocumentRole[]> = {
  paper: ["main", "auxiliary"],
  meeting: ["invitation", "resultsProtocol", "auxiliary"],
  agendaItem: ["auxiliary"],
  proposal: ["auxiliary"],
  recommendation: ["auxiliary"],
};

export const OWNER_COLUMNS = {
  paper: documents.paperId,
  meeting: documents.meetingId,
  agendaItem: documents.agendaItemId,
  proposal: documents.proposalId,
  recommendation: documents.recommendationId,
} as const;

type Target = { ref: OwnerRef; owner: Owner; replaces: number | null };

/** Throws the refusal for an owner the actor may not attach to: 404 if unseen, 403, or 409 if frozen. */
export async function requireChangeableOwner(executor: Executor, ref: OwnerRef, actor: Actor): Promise<Owner> {
  const owner = await loadOwner(executor, ref, actor);
  if (!owner || !mayReadDocumentsOf(actor, owner.facts)) throw new RefusalError(404, e.owner);
  const verdict = documentChangeVerdict(actor, owner.facts);
  if (verdict === "forbidden") throw new RefusalError(403, e.forbidden);
  if (verdict === "frozen") throw new RefusalError(409, e.frozen);
  return owner;
}

/** The owner of a live document, or null. */
export async function ownerRefOfDocument(executor: Executor, id: number): Promise<OwnerRef | null> {
  const [row] = await executor
    .select({ type: documents.ownerType, ...OWNER_COLUMNS })
    .from(documents)
    .where(and(eq(documents.id, id), isNull(documents.deletedAt)));
  // Portal files belong to no object; only their own admin page changes them.
  if (!row || row.type === PORTAL_OWNER) return null;
  return { type: row.type, id: row[row.type]! };
}

async function resolveTarget(fields: Map<string, string>, actor: Actor): Promise<Target> {
  const replaces = fields.has("replaces") ? parseId(fields.get("replaces")) : null;
  if (fields.has("replaces") && !replaces) throw new RefusalError(404, e.notFound);
  const ref = replaces ? await ownerRefOfDocument(db, replaces) : parseOwnerRef(fields.get("owner"));
  if (!ref) throw new RefusalError(replaces ? 404 : 400, replaces ? e.notFound : e.owner);
  return { ref, owner: await requireChangeableOwner(db, ref, actor), replaces };
}

function readLabelAndRole(fields: Map<string, string>, ref: OwnerRef, file: ReceivedFile) {
  const label = (fields.get("label") ?? "").replace(/\s+/g, " ").trim() || file.fileName.replace(/\.[a-z0-9]{2,4}$/i, "");
  if (label.length > 200) throw new RefusalError(422, { label: e.label });
  const role = (fields.get("role") || "auxiliary") as DocumentRole;
  if (!ROLES_BY_OWNER[ref.type].includes(role)) throw new RefusalError(422, { role: e.role });
  const position = Math.max(0, Math.min(999, Number.parseInt(fields.get("position") ?? "", 10) || 0));
  return { label, role, position };
}

/**
 * A new document, or a new version of one (`replaces`), from a multipart upload. The version
 * row, the completed content, the text job and the audit row land in one transaction.
 */
export async function uploadDocument({ request, user }: { request: Request; user: SessionUser }) {
  let target: Target | null = null;
  const { fields, file } = await receiveUpload(request, async (sent) => {
    target = await resolveTarget(sent, user);
  });
  const { ref, replaces } = target!;
  try {
    const fileName = sanitiseFileName(file.fileName, file.mimeType);
    return await db.transaction(async (tx) => {
      const owner = await requireChangeableOwner(tx, ref, user);
      const version = { contentId: file.contentId, fileName, mimeType: file.mimeType, size: file.size, sha512: file.sha512, uploadedById: user.id };
      let documentId: number;
      let number: number;
      let audit: { action: string; details: Record<string, unknown> };
      if (replaces) {
        const [document] = await tx
          .update(documents)
          .set({ currentVersion: sql`${documents.currentVersion} + 1`, updatedAt: sql`now()` })
          .where(and(eq(documents.id, replaces), isNull(documents.deletedAt)))
          .returning({ id: documents.id, currentVersion: documents.currentVersion });
        if (!document) throw new RefusalError(404, e.notFound);
        documentId = document.id;
        number = document.currentVersion;
        audit = { action: "document.replaced", details: { version: number, fileName, sha512: file.sha512 } };
      } else {
        const { label, role, position } = readLabelAndRole(fields, ref, file);
        const [document] = await tx
          .insert(documents)
          .values({ ownerType: ref.type, [ownerKey(ref.type)]: ref.id, label, role, position, createdById: user.id })
          .returning({ id: documents.id });
        documentId = document.id;
        number = 1;
        audit = { action: "document.uploaded", details: { owner: `${ref.type}:${ref.id}`, label, fileName } };
      }
      const [row] = await tx
        .insert(documentVersions)
        .values({ documentId, version: number, ...version })
        .returning({ id: documentVersions.id });
      await enqueueJob(tx, { kind: EXTRACT_TEXT_JOB, payload: { versionId: row.id } });
      await recordAudit(tx, { actorId: user.id, objectType: "document", objectId: documentId, ...audit });
      await markContentComplete(tx, file.contentId);
      return { documentId, ownerUrl: owner.url, redirectTo: fields.get("redirectTo") ?? null };
    });
  } catch (error) {
    await db.delete(documentContents).where(and(eq(documentContents.id, file.contentId), eq(documentContents.complete, false)));
    throw error;
  }
}

function ownerKey(type: DocumentOwnerType) {
  return ({ paper: "paperId", meeting: "meetingId", agendaItem: "agendaItemId", proposal: "proposalId", recommendation: "recommendationId" } as const)[type];
}
