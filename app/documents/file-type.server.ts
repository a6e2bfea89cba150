import type { DocumentMimeType } from "#db/schema";
import { videoFamily } from "./video-type.server";
import { inspectZip } from "./zip-directory.server";

/**
 * The type of an upload, decided by its bytes (magic numbers), never by its name or the
 * browser's claim (docs/decisions/092). `classifyHead` runs on the first bytes before anything
 * is stored; `finalType` on head and tail once the body is read.
 */
export const HEAD_BYTES = 64 * 1024;
export const TAIL_BYTES = 256 * 1024;

export type Family = "pdf" | "png" | "jpeg" | "zip" | "text" | "mp4" | "webm";
export type TypeRefusal = "empty" | "markup" | "unknown" | "truncated" | "zipBomb" | "zipUnknown" | "notUtf8" | "notVideo";
/** What an upload is for: a document (no video) or the portal's DGS video (only video). */
export type UploadPurpose = "document" | "signLanguageVideo";
export type TypeVerdict<T> = { ok: true; value: T } | { ok: false; reason: TypeRefusal };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [...Buffer.from("%PDF-")];

/** Markup a browser would run as HTML or SVG: refused in every file, whatever it claims to be. */
const MARKUP = /<(?:!doctype\s+html|html[\s>]|script[\s>]|svg[\s>]|body[\s>]|iframe[\s>]|object[\s>]|embed[\s>]|meta[\s>]|\?xml[\s?])/i;

export function containsMarkup(bytes: Uint8Array) {
  return MARKUP.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}

export function classifyHead(head: Uint8Array, purpose: UploadPurpose = "document"): TypeVerdict<Family> {
  if (head.length === 0) return { ok: false, reason: "empty" };
  if (containsMarkup(head)) return { ok: false, reason: "markup" };
  if (purpose === "signLanguageVideo") {
    const video = videoFamily(head);
    return video ? { ok: true, value: video } : { ok: false, reason: "notVideo" };
  }
  if (startsWith(head, PDF)) return { ok: true, value: "pdf" };
  if (startsWith(head, PNG)) return { ok: true, value: "png" };
  if (startsWith(head, JPEG)) return { ok: true, value: "jpeg" };
  if (startsWith(head, ZIP)) return { ok: true, value: "zip" };
  if (looksLikeText(head)) return { ok: true, value: "text" };
  return { ok: false, reason: "unknown" };
}

/** UTF-8 without NUL or other binary control bytes, and not starting with markup. */
function looksLikeText(head: Uint8Array) {
  for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return !text
      .replace(/^\uFEFF/, "")
      .trimStart()
      .startsWith("<");
  } catch {
    return false;
  }
}

/** The last bytes decide whether a PDF or image is complete and what a zip holds. */
export function finalType({
  family,
  head,
  tail,
  size,
  textHint,
}: {
  family: Family;
  head: Uint8Array;
  tail: Uint8Array;
  size: number;
  textHint: "csv" | "plain";
}): TypeVerdict<DocumentMimeType> {
  if (family !== "text" && containsMarkup(tail)) return { ok: false, reason: "markup" };
  const end = Buffer.from(tail.subarray(Math.max(0, tail.length - 2048))).toString("latin1");
  switch (family) {
    case "pdf":
      return end.includes("%%EOF") ? { ok: true, value: "application/pdf" } : { ok: false, reason: "truncated" };
    case "png":
      return end.includes("IEND") ? { ok: true, value: "image/png" } : { ok: false, reason: "truncated" };
    case "jpeg":
      return Buffer.from(tail.subarray(Math.max(0, tail.length - 2048))).includes(Buffer.from([0xff, 0xd9]))
        ? { ok: true, value: "image/jpeg" }
        : { ok: false, reason: "truncated" };
    case "zip":
      return zipType(head, tail, size);
    case "text":
      return { ok: true, value: textHint === "csv" ? "text/csv" : "text/plain" };
    case "mp4":
      return { ok: true, value: "video/mp4" };
    case "webm":
      return { ok: true, value: "video/webm" };
  }
}

const ODF_TYPES: Record<string, DocumentMimeType> = {
  "application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
};

function zipType(head: Uint8Array, tail: Uint8Array, size: number): TypeVerdict<DocumentMimeType> {
  const directory = inspectZip(tail, size);
  if (!directory.ok) return directory;
  const names = new Set(directory.value);
  // ODF puts an uncompressed "mimetype" entry first, so its content sits at offset 38.
  const headText = Buffer.from(head.subarray(0, 200)).toString("latin1");
  if (headText.slice(30, 38) === "mimetype" && names.has("mimetype")) {
    const declared = Object.keys(ODF_TYPES).find((type) => headText.slice(38).startsWith(type) && !/[a-z.-]/.test(headText[38 + type.length] ?? ""));
    if (declared && names.has("content.xml")) return { ok: true, value: ODF_TYPES[declared] };
  }
  if (names.has("[Content_Types].xml") && names.has("word/document.xml"))
    return { ok: true, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };
  if (names.has("[Content_Types].xml") && names.has("xl/workbook.xml"))
    return { ok: true, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
  return { ok: false, reason: "zipUnknown" };
}
