import { count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, documentChunks, documentContents, documents, documentVersions, jobs } from "../../../db/schema";
import { createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { insertPaper } from "../papers/paper-helpers";
import { docxBytes, docxZipBomb, odtBytes, pdfBytes, PNG_BYTES, postUpload, type UploadFile } from "./document-helpers";

let staff: TestUser;
let council: TestUser;
let owner: string;

beforeAll(async () => {
  ({ staff, council } = await createUsersForAllRoles());
  owner = `paper:${(await insertPaper()).id}`;
});

const upload = (file: UploadFile | null, fields: Record<string, string> = {}, user: TestUser | null = staff) =>
  postUpload({ user, fields: { owner, label: "Anlage", ...fields }, file });

async function storedCounts() {
  const [contents] = await db.select({ n: count() }).from(documentContents);
  const [chunks] = await db.select({ n: count() }).from(documentChunks);
  const [versions] = await db.select({ n: count() }).from(documentVersions);
  return { contents: contents.n, chunks: chunks.n, versions: versions.n };
}

describe("uploading through the multipart action", () => {
  it("stores a PDF with size, type and SHA-512, queues its text job and records the upload", async () => {
    const bytes = pdfBytes();
    const response = await upload({ name: "Stellungnahme.pdf", type: "application/pdf", bytes }, { label: "Anlage 1 – Stellungnahme", role: "main" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/vorlagen/AT-0014-2025?dokument=gespeichert#dokumente");
    const [row] = await db.select().from(documentVersions).orderBy(desc(documentVersions.id)).limit(1);
    expect(row).toMatchObject({ fileName: "Stellungnahme.pdf", mimeType: "application/pdf", size: bytes.length, textState: "pending", version: 1 });
    const { createHash } = await import("node:crypto");
    expect(row.sha512).toBe(createHash("sha512").update(bytes).digest("hex"));
    const [document] = await db.select().from(documents).where(eq(documents.id, row.documentId));
    expect(document).toMatchObject({ label: "Anlage 1 – Stellungnahme", role: "main", ownerType: "paper" });
    const queued = await db.select().from(jobs).where(eq(jobs.kind, "documents.extract_text"));
    expect(queued.map((job) => job.payload)).toContainEqual({ versionId: row.id });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "document.uploaded"));
    expect(audit.objectId).toBe(String(row.documentId));
  });

  it("accepts PNG, DOCX, ODT, text and CSV by their content, whatever the browser claims", async () => {
    const cases: [UploadFile, string][] = [
      [{ name: "Foto.png", type: "application/octet-stream", bytes: PNG_BYTES }, "image/png"],
      [{ name: "Angebot.docx", bytes: docxBytes() }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [{ name: "Protokoll.odt", bytes: odtBytes() }, "application/vnd.oasis.opendocument.text"],
      [{ name: "Notiz.txt", type: "text/html", bytes: Buffer.from("Grüße aus dem Beirat\n") }, "text/plain"],
      [{ name: "Zahlen.csv", bytes: Buffer.from("Dienst;Anzahl\nOZG;293\n") }, "text/csv"],
    ];
    for (const [file, type] of cases) {
      expect((await upload(file)).status, file.name).toBe(302);
      const [row] = await db.select().from(documentVersions).orderBy(desc(documentVersions.id)).limit(1);
      expect(row.mimeType, file.name).toBe(type);
    }
  });

  it("refuses hostile files with a German message and keeps nothing of them", async () => {
    const before = await storedCounts();
    const pdf = pdfBytes().toString("latin1");
    const hostile: [string, UploadFile, number, RegExp][] = [
      [
        "HTML named .pdf",
        { name: "Angebot.pdf", type: "application/pdf", bytes: Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>") },
        422,
        /HTML/,
      ],
      [
        "PDF/HTML polyglot",
        {
          name: "poly.pdf",
          type: "application/pdf",
          bytes: Buffer.from(pdf.replace("1 0 obj", "<html><body><script>alert(document.cookie)</script></body></html>\n1 0 obj"), "latin1"),
        },
        422,
        /HTML/,
      ],
      [
        "SVG with script",
        { name: "bild.png", type: "image/png", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
        422,
        /SVG/,
      ],
      ["SVG with XML prolog", { name: "bild.txt", type: "text/plain", bytes: Buffer.from('<?xml version="1.0"?>\n<svg onload="alert(1)"/>') }, 422, /SVG/],
      ["truncated PDF", { name: "kaputt.pdf", bytes: pdfBytes().subarray(0, 200) }, 422, /unvollständig/],
      ["DOCX zip bomb", { name: "bombe.docx", bytes: docxZipBomb() }, 422, /entpackt/],
      ["executable", { name: "tool.pdf", bytes: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]) }, 422, /Dateityp/],
      ["empty file", { name: "leer.pdf", bytes: Buffer.alloc(0) }, 400, /leer/],
    ];
    for (const [what, file, status, message] of hostile) {
      const response = await upload(file);
      expect(response.status, what).toBe(status);
      expect(await response.text(), what).toMatch(message);
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("keeps file names for display only: no path, no line break, bounded length, the real extension", async () => {
    const names: [string, string][] = [
      ["../../etc/passwd.pdf", "passwd.pdf"],
      ["Bericht\r\nSet-Cookie: x.pdf", "Bericht Set-Cookie: x.pdf"],
      [`${"Ä".repeat(300)}.pdf`, `${"Ä".repeat(116)}.pdf`],
      ["rechnung.exe", "rechnung.exe.pdf"],
      ["‮fdp.exe", "fdp.exe.pdf"],
    ];
    for (const [sent, stored] of names) {
      expect((await upload({ name: sent, bytes: pdfBytes() })).status, sent).toBe(302);
      const [row] = await db.select().from(documentVersions).orderBy(desc(documentVersions.id)).limit(1);
      expect(row.fileName, sent).toBe(stored);
    }
    // Remix's multipart parser cannot read "=" or ";" in a quoted name: a clear 400, nothing stored.
    const refused = await upload({ name: "a=b.pdf", bytes: pdfBytes() });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/benennen Sie die Datei um/);
  });

  it("refuses a file over FILE_MAX_MB with 413 and stores none of it", async () => {
    const before = await storedCounts();
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(26 * 1024 * 1024, 0x20)]);
    const response = await upload({ name: "gross.pdf", bytes: big });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/höchstens 25 MB/);
    expect(await storedCounts()).toEqual(before);
  });

  it("checks the permission before storing: council members and visitors may not attach to papers", async () => {
    const before = await storedCounts();
    expect((await upload({ name: "a.pdf", bytes: pdfBytes() }, {}, council)).status).toBe(403);
    expect((await upload({ name: "a.pdf", bytes: pdfBytes() }, {}, null)).status).toBe(302);
    expect((await upload({ name: "a.pdf", bytes: pdfBytes() }, { owner: "paper:999999" })).status).toBe(404);
    expect((await upload({ name: "a.pdf", bytes: pdfBytes() }, { owner: "nonsense" })).status).toBe(400);
    expect((await upload(null)).status).toBe(400);
    expect(await storedCounts()).toEqual(before);
  });

  it("a replacement is a new version; the earlier one stays downloadable", async () => {
    const [first] = await db.select().from(documentVersions).orderBy(desc(documentVersions.id)).limit(1);
    const response = await upload({ name: "neu.pdf", bytes: pdfBytes("Zweite Fassung") }, { replaces: String(first.documentId) });
    expect(response.status).toBe(302);
    const versions = await db.select().from(documentVersions).where(eq(documentVersions.documentId, first.documentId));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const [document] = await db.select().from(documents).where(eq(documents.id, first.documentId));
    expect(document.currentVersion).toBe(2);
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, "document.replaced"))).length).toBe(1);
  });
});
