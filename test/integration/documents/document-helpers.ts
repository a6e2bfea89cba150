import { crc32, deflateRawSync } from "node:zlib";
import * as upload from "../../../app/routes/dokumente.hochladen";
import type { TestUser } from "../../support/fixtures";
import { rawZip } from "../../support/zip";

const BASE = "http://localhost:3000";

/** A small valid PDF with one page and the given text on it. */
export function pdfBytes(text = "Angebot Chatbot") {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${`BT /F1 12 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export const PNG_BYTES = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

type ZipEntry = { name: string; data: Buffer; deflate?: boolean };

/** A zip as office suites write it: local headers, then the central directory. */
export function zipBytes(entries: ZipEntry[]) {
  return rawZip(
    entries.map((entry) => ({
      name: entry.name,
      stored: entry.deflate ? deflateRawSync(entry.data) : entry.data,
      method: entry.deflate ? 8 : 0,
      crc: crc32(entry.data),
      size: entry.data.length,
    })),
  );
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

export function docxBytes(text = "Leistungsbeschreibung") {
  return zipBytes([
    { name: "[Content_Types].xml", data: CONTENT_TYPES, deflate: true },
    { name: "word/document.xml", data: Buffer.from(`<w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`), deflate: true },
  ]);
}

export function odtBytes() {
  return zipBytes([
    { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text") },
    { name: "content.xml", data: Buffer.from("<office:document-content/>"), deflate: true },
  ]);
}

/** A DOCX whose one part inflates to 60 MB of zeros. */
export function docxZipBomb() {
  return zipBytes([
    { name: "[Content_Types].xml", data: CONTENT_TYPES, deflate: true },
    { name: "word/document.xml", data: Buffer.alloc(60 * 1024 * 1024), deflate: true },
  ]);
}

export type UploadFile = { name: string; type?: string; bytes: Uint8Array };

/** A multipart request as a browser sends the upload form: fields first, then the file. */
export function uploadRequest({ user, fields, file }: { user: TestUser | null; fields: Record<string, string>; file: UploadFile | null }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  const headers = new Headers();
  if (user) headers.set("Cookie", user.cookie);
  return new Request(new URL("/dokumente/hochladen", BASE), { method: "POST", headers, body: form });
}

/** Calls the upload action and returns its response (thrown refusals included). */
export async function postUpload(args: Parameters<typeof uploadRequest>[0]): Promise<Response> {
  try {
    return (await upload.action({ request: uploadRequest(args), params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
