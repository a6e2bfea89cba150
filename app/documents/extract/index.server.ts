/**
 * Placeholder for the text-extraction library (worker thread, PDF/ODT/DOCX with limits), which
 * replaces this file at merge. Until then only plain text and CSV are read.
 */
export type ExtractInput = { bytes: Uint8Array; mimeType: string };
export type ExtractResult = { text: string | null; pages: number | null; hasTextLayer: boolean };

const TEXT_MAX_BYTES = 5 * 1024 * 1024;

export async function extractText({ bytes, mimeType }: ExtractInput): Promise<ExtractResult> {
  if (mimeType !== "text/plain" && mimeType !== "text/csv") return { text: null, pages: null, hasTextLayer: false };
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, TEXT_MAX_BYTES)).replace(/^\uFEFF/, "");
  return { text, pages: null, hasTextLayer: text.trim().length > 0 };
}
