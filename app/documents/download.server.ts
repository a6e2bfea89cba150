import type { Download } from "./documents.server";
import { contentDisposition } from "./file-name";
import { readContentRange } from "./storage.server";

const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "video/mp4", "video/webm"]);

/**
 * The policy a file is served with (docs/decisions/092): every file in a sandbox without
 * script. Tried in Chromium 156 (headless): an inline PDF under exactly the inline policy below
 * still opens in the built-in viewer with all its pages (older Chromium blanked sandboxed PDFs;
 * the browser test checks this one), so PDFs need no exception. Only PDFs, images and the DGS
 * video are inline. A `<video>` on a page plays the file under the page's policy; the file's own
 * policy matters only when the video is opened directly, where the browser's player reloads it.
 */
export function filePolicy(mimeType: string) {
  if (mimeType.startsWith("video/")) return "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
  if (INLINE_TYPES.has(mimeType)) return "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
  return "default-src 'none'; frame-ancestors 'none'; sandbox";
}

export function etagOf(download: Download) {
  return `"${download.sha512.slice(0, 32)}-${download.documentId}-${download.version}"`;
}

type Range = { start: number; end: number } | "unsatisfiable" | null;

/** One byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`); several ranges are answered with the whole file. */
export function parseRange(header: string | null, size: number): Range {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/** The file with its headers; GET with Range answers 206, If-None-Match 304. */
export function downloadResponse(request: Request, download: Download) {
  const etag = etagOf(download);
  const type = download.mimeType.startsWith("text/") ? `${download.mimeType}; charset=utf-8` : download.mimeType;
  const headers = new Headers({
    "Content-Type": type,
    "Content-Disposition": contentDisposition(INLINE_TYPES.has(download.mimeType) ? "inline" : "attachment", download.fileName),
    "Content-Security-Policy": filePolicy(download.mimeType),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-cache",
    "Accept-Ranges": "bytes",
    ETag: etag,
  });
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")) return new Response(null, { status: 304, headers });
  const ifRange = request.headers.get("If-Range");
  let range = ifRange && ifRange.trim() !== etag ? null : parseRange(request.headers.get("Range"), download.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${download.size}`);
    return new Response(null, { status: 416, headers });
  }
  const status = range ? 206 : 200;
  range ??= { start: 0, end: download.size - 1 };
  if (status === 206) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${download.size}`);
  headers.set("Content-Length", String(Math.max(0, range.end - range.start + 1)));
  if (request.method === "HEAD") return new Response(null, { status, headers });
  return new Response(bodyStream(download.contentId, range.start, range.end), { status, headers });
}

function bodyStream(contentId: number, start: number, end: number) {
  const parts = readContentRange({ contentId, start, end });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}
