import type { DocumentMimeType } from "#db/schema";

export const FILE_NAME_MAX = 120;

const EXTENSIONS: Record<DocumentMimeType, string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "text/plain": ["txt"],
  "text/csv": ["csv"],
  "video/mp4": ["mp4", "m4v"],
  "video/webm": ["webm"],
};

/**
 * A file name for display and Content-Disposition only (never a path): the last path segment,
 * without control and bidirectional-override characters, at most FILE_NAME_MAX characters, and
 * with the extension of the type the content really has.
 */
export function sanitiseFileName(raw: string, mimeType: DocumentMimeType): string {
  // Browsers send line breaks and quotes in multipart names as %0D, %0A and %22 (HTML form encoding).
  const decoded = raw.replace(/%0D|%0A/gi, " ").replace(/%22/gi, '"');
  const base = (decoded.normalize("NFC").split(/[/\\]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const allowed = EXTENSIONS[mimeType];
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  let stem = allowed.includes(extension) ? base.slice(0, dot) : base;
  const suffix = `.${allowed.includes(extension) ? extension : allowed[0]}`;
  stem =
    [...stem]
      .slice(0, FILE_NAME_MAX - suffix.length)
      .join("")
      .trim() || "Datei";
  return stem + suffix;
}

/** Content-Disposition per RFC 6266 with an ASCII fallback and the UTF-8 name per RFC 5987. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string) {
  const fallback = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
