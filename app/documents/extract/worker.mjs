// @ts-check
/**
 * The extraction worker thread (started by index.server.ts, which also kills it on a timeout).
 * A plain .mjs file on purpose: it is started by path, both from the TypeScript sources under
 * vitest and from the production bundle, and must run without any build step or loader.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ExtractionFailure } from "./failure.mjs";
import { officeText } from "./office.mjs";
import { pdfText } from "./pdf.mjs";
import { plainText } from "./plain-text.mjs";
import { TextBudget } from "./text-budget.mjs";

/** @type {Record<string, "odt" | "ods" | "docx" | "xlsx">} */
const OFFICE = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

/** @param {{ bytes: Uint8Array; mimeType: string; limits: { maxPages: number; maxTextChars: number; zip: import("./zip.mjs").ZipLimits } }} job */
async function extract({ bytes, mimeType, limits }) {
  const out = new TextBudget(limits.maxTextChars);
  if (mimeType === "application/pdf") {
    const pages = await pdfText(bytes, limits.maxPages, out);
    const text = out.result();
    return { text, pages, hasTextLayer: text !== null };
  }
  if (OFFICE[mimeType]) officeText(OFFICE[mimeType], bytes, limits.zip, out);
  else if (mimeType === "text/plain" || mimeType === "text/csv") plainText(bytes, out);
  else throw new ExtractionFailure("unsupported-type", mimeType);
  const text = out.result();
  return { text, pages: null, hasTextLayer: text !== null };
}

try {
  parentPort?.postMessage({ ok: true, result: await extract(workerData) });
} catch (error) {
  parentPort?.postMessage(
    error instanceof ExtractionFailure
      ? { ok: false, reason: error.reason, detail: error.detail }
      : { ok: false, reason: "unreadable", detail: error instanceof Error ? error.message : String(error) },
  );
}
