// The operator's DGS video: uploaded by an admin through the real multipart action, served to
// visitors with ranges, and the pages that follow it (Gebärdensprache, statement, Leichte Sprache).
import { and, desc, eq, isNull } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, documents, documentVersions, jobs } from "../../../db/schema";
import { resetEnv } from "../../../app/env.server";
import { t } from "../../../app/i18n/de";
import * as adminPage from "../../../app/routes/admin.gebaerdensprache._index";
import * as videoUpload from "../../../app/routes/admin.gebaerdensprache.hochladen";
import * as accessibility from "../../../app/routes/barrierefreiheit";
import * as download from "../../../app/routes/dokumente.$id._index";
import * as deleteDocumentRoute from "../../../app/routes/dokumente.$id.loeschen";
import * as easyLanguage from "../../../app/routes/leichte-sprache";
import * as signLanguage from "../../../app/routes/gebaerdensprache";
import { createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { auditFor } from "../../support/audit";
import { pdfBytes, postUpload, uploadRequest, type UploadFile } from "../documents/document-helpers";
import { insertPaper } from "../papers/paper-helpers";
import { mp4Bytes, webmBytes } from "./video-fixtures";

let users: Awaited<ReturnType<typeof createUsersForAllRoles>>;

beforeAll(async () => {
  users = await createUsersForAllRoles();
});

beforeEach(async () => {
  await db
    .update(documents)
    .set({ deletedAt: new Date() })
    .where(and(eq(documents.ownerType, "portal"), isNull(documents.deletedAt)));
});

afterEach(() => {
  delete process.env.SIGN_LANGUAGE_VIDEO_MAX_MB;
  delete process.env.FILE_MAX_MB;
  resetEnv();
});

/** Posts the admin page's upload form (label before the file) to its streamed action. */
async function uploadVideo(user: TestUser | null, file: UploadFile, label = "Das Portal in DGS") {
  const request = uploadRequest({ user, fields: { label }, file });
  const sent = new Request(new URL("/admin/gebaerdensprache/hochladen", request.url), {
    method: "POST",
    headers: request.headers,
    body: request.body,
    duplex: "half",
  } as RequestInit);
  try {
    return (await videoUpload.action({ request: sent, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const pageVideo = async () => (await (await callRoute(signLanguage.loader as never, "/gebaerdensprache")).json()).video;

describe("uploading the DGS video", () => {
  it("stores a WebM from an admin as the portal's video, without a text job, audited, and the pages switch to it", async () => {
    expect(await pageVideo()).toBeNull();
    const bytes = webmBytes();
    const response = await uploadVideo(users.admin, { name: "portal-dgs.webm", type: "video/webm", bytes });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/gebaerdensprache?video=gespeichert");
    const [document] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.ownerType, "portal"), isNull(documents.deletedAt)));
    expect(document).toMatchObject({ role: "signLanguageVideo", label: "Das Portal in DGS", paperId: null });
    const [version] = await db.select().from(documentVersions).where(eq(documentVersions.documentId, document.id));
    expect(version).toMatchObject({ mimeType: "video/webm", size: bytes.length, textState: "none", fileName: "portal-dgs.webm" });
    const textJobs = await db.select().from(jobs).where(eq(jobs.kind, "documents.extract_text"));
    expect(textJobs.map((job) => job.payload)).not.toContainEqual({ versionId: version.id });
    const [audit] = await auditFor("document.uploaded", document.id);
    expect(audit.actorId).toBe(users.admin.id);

    expect(await pageVideo()).toEqual({ url: `/dokumente/${document.id}`, mimeType: "video/webm", title: "Das Portal in DGS" });
    const statement = await (await callRoute(accessibility.loader as never, "/barrierefreiheit")).json();
    expect(statement.offers).toEqual({ signLanguageVideo: true });
    const sections = t.legal.accessibility.sections(statement.operator, statement.offers).flatMap((s) => [...(s.paragraphs ?? []), ...(s.items ?? [])]);
    expect(sections.join("\n")).toContain("Ein Video in Deutscher Gebärdensprache erklärt das Portal");
    const easy = await (await callRoute(easyLanguage.loader as never, "/leichte-sprache")).json();
    expect(easy.offers).toEqual({ signLanguageVideo: true });
  });

  it("serves the video to visitors inline with byte ranges, so a player can seek", async () => {
    const bytes = mp4Bytes(10_000);
    expect((await uploadVideo(users.admin, { name: "dgs.mp4", type: "video/mp4", bytes })).status).toBe(302);
    const { url } = await pageVideo();
    const id = url.split("/").pop();
    const whole = await callRoute(download.loader as never, url, { params: { id } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("Content-Type")).toBe("video/mp4");
    expect(whole.headers.get("Content-Disposition")).toMatch(/^inline/);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await callRoute(download.loader as never, url, { params: { id }, headers: { Range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("Content-Range")).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it("replaces the video with a new version and removes it on a confirmed delete; the pages follow", async () => {
    expect((await uploadVideo(users.admin, { name: "alt.webm", bytes: webmBytes() })).status).toBe(302);
    expect((await uploadVideo(users.admin, { name: "neu.mp4", bytes: mp4Bytes() }, "Neue Fassung")).status).toBe(302);
    const live = await db
      .select()
      .from(documents)
      .where(and(eq(documents.ownerType, "portal"), isNull(documents.deletedAt)));
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ currentVersion: 2, label: "Neue Fassung" });
    expect(await pageVideo()).toMatchObject({ mimeType: "video/mp4", title: "Neue Fassung" });

    // The documents' own upload and delete paths do not reach a portal file, not even for admins.
    const viaDocuments = await postUpload({ user: users.admin, fields: { replaces: String(live[0].id) }, file: { name: "x.pdf", bytes: pdfBytes() } });
    expect(viaDocuments.status).toBe(404);
    const deleteViaDocuments = await callRoute(deleteDocumentRoute.action as never, `/dokumente/${live[0].id}/loeschen`, {
      user: users.admin,
      params: { id: String(live[0].id) },
      form: { intent: "delete" },
    });
    expect(deleteViaDocuments.status).toBe(404);

    const unconfirmed = await callRoute(adminPage.action as never, "/admin/gebaerdensprache", { user: users.admin, form: { intent: "delete" } });
    expect(unconfirmed.status).toBe(400);
    expect(await pageVideo()).not.toBeNull();
    const removed = await callRoute(adminPage.action as never, "/admin/gebaerdensprache", { user: users.admin, form: { intent: "delete", confirm: "yes" } });
    expect(removed.status).toBe(302);
    expect(await pageVideo()).toBeNull();
    const gone = await callRoute(download.loader as never, `/dokumente/${live[0].id}`, { params: { id: String(live[0].id) } });
    expect(gone.status).toBe(404);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "document.deleted")).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ objectId: String(live[0].id), actorId: users.admin.id });
    const statement = await (await callRoute(accessibility.loader as never, "/barrierefreiheit")).json();
    expect(statement.offers).toEqual({ signLanguageVideo: false });
  });

  it("refuses staff, experts, council members and visitors, storing nothing", async () => {
    for (const user of [users.staff, users.expert, users.council]) {
      expect((await uploadVideo(user, { name: "dgs.webm", bytes: webmBytes() })).status, user.role).toBe(403);
      const page = await callRoute(adminPage.loader as never, "/admin/gebaerdensprache", { user });
      expect(page.status, user.role).toBe(403);
    }
    const visitor = await uploadVideo(null, { name: "dgs.webm", bytes: webmBytes() });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    expect(
      await db
        .select()
        .from(documents)
        .where(and(eq(documents.ownerType, "portal"), isNull(documents.deletedAt))),
    ).toEqual([]);
  });

  it("refuses what is no MP4 or WebM: an HTML page named .mp4, a PDF, a file without a known brand", async () => {
    const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
    expect((await uploadVideo(users.admin, { name: "video.mp4", type: "video/mp4", bytes: html })).status).toBe(422);
    expect((await uploadVideo(users.admin, { name: "video.mp4", type: "video/mp4", bytes: Buffer.from("%PDF-1.4\n%%EOF\n") })).status).toBe(422);
    const quicktime = mp4Bytes();
    quicktime.write("qt  ", 8, "latin1");
    quicktime.write("qt  qt  qt  ", 16, "latin1");
    expect((await uploadVideo(users.admin, { name: "film.mov", bytes: quicktime })).status).toBe(422);
    expect(await pageVideo()).toBeNull();
  });

  it("refuses video on every other owner: a paper keeps taking documents only", async () => {
    const paper = await insertPaper();
    for (const bytes of [webmBytes(), mp4Bytes()]) {
      const response = await postUpload({
        user: users.staff,
        fields: { owner: `paper:${paper.id}`, label: "Video" },
        file: { name: "video.webm", type: "video/webm", bytes },
      });
      expect(response.status).toBe(422);
      expect(await response.text()).toBe(t.documents.errors.type.unknown);
    }
    expect(await db.select().from(documents).where(eq(documents.paperId, paper.id))).toEqual([]);
  });

  it("bounds the video by SIGN_LANGUAGE_VIDEO_MAX_MB, not by FILE_MAX_MB", async () => {
    Object.assign(process.env, { FILE_MAX_MB: "0.01", SIGN_LANGUAGE_VIDEO_MAX_MB: "0.05" });
    resetEnv();
    expect((await uploadVideo(users.admin, { name: "klein.webm", bytes: webmBytes(30_000) })).status).toBe(302);
    const tooLarge = await uploadVideo(users.admin, { name: "gross.webm", bytes: webmBytes(80_000) });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toBe(t.documents.errors.tooLarge(0.05));
    expect(await pageVideo()).toMatchObject({ mimeType: "video/webm" });
  });
});
