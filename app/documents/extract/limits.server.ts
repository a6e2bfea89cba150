import type { ZipLimits } from "./zip.mjs";

/** Bounds of one extraction (docs/decisions/090-document-text-extraction.md). */
export type ExtractionLimits = {
  /** Larger inputs are refused before a worker starts. */
  maxInputBytes: number;
  /** Text is read from at most this many PDF pages; `pages` still reports the real count. */
  maxPages: number;
  /** Longer text is cut off (UTF-16 code units). */
  maxTextChars: number;
  /** Wall-clock time of the worker; then it is terminated and "timeout" thrown. */
  timeMs: number;
  /** V8 heap of the worker (`resourceLimits.maxOldGenerationSizeMb`). */
  heapMb: number;
  zip: ZipLimits;
};

const MB = 1024 * 1024;

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxInputBytes: 64 * MB,
  maxPages: 500,
  maxTextChars: 2_000_000,
  timeMs: 60_000,
  heapMb: 512,
  zip: { maxEntries: 5_000, maxEntryBytes: 64 * MB, maxTotalBytes: 160 * MB, maxRatio: 200 },
};
