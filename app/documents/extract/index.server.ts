import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from "./limits.server";
import { runInWorker, TextExtractionError } from "./run-worker.server";
import { extractionWorkerScript } from "./worker-script.server";

/**
 * Text extraction from uploaded documents for search (docs/decisions/090-document-text-extraction.md).
 * A refusal is thrown as TextExtractionError with a `reason`; the result type stays the plain shape.
 */
export { TextExtractionError } from "./run-worker.server";
export type { ExtractionFailureReason } from "./failure.mjs";

export type ExtractedText = { text: string | null; pages: number | null; hasTextLayer: boolean };

const IMAGE_TYPES = new Set(["image/png", "image/jpeg"]);

/**
 * The text of a PDF, ODT/ODS, DOCX/XLSX, plain text or CSV file, read in a worker thread within
 * the default limits. Images have no text (no OCR). A PDF without a text layer gives
 * `{ text: null, pages: n, hasTextLayer: false }`. Throws TextExtractionError otherwise.
 */
export async function extractText(input: { bytes: Uint8Array; mimeType: string }): Promise<ExtractedText> {
  return extractTextWithin(input, DEFAULT_EXTRACTION_LIMITS);
}

/** extractText with other limits or another worker script (tests: a tiny time limit, a runaway worker). */
export async function extractTextWithin(
  input: { bytes: Uint8Array; mimeType: string },
  limits: ExtractionLimits,
  workerScript: string = extractionWorkerScript(),
): Promise<ExtractedText> {
  const mimeType = input.mimeType.split(";")[0].trim().toLowerCase();
  if (IMAGE_TYPES.has(mimeType)) return { text: null, pages: null, hasTextLayer: false };
  if (input.bytes.byteLength > limits.maxInputBytes) {
    throw new TextExtractionError("too-large", `${input.bytes.byteLength} bytes (at most ${limits.maxInputBytes})`);
  }
  return runInWorker(workerScript, input.bytes, mimeType, limits);
}
