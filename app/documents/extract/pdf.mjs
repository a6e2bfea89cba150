// @ts-check
import { createRequire } from "node:module";
import path from "node:path";
import { ExtractionFailure } from "./failure.mjs";

/**
 * PDF text through pdfjs-dist's legacy build (the modern build needs Node 22; the legacy build
 * polyfills DOMMatrix & co. from @napi-rs/canvas). Everything runs in this worker thread: pdfjs'
 * own "fake worker" is handed in as a module, so no script, font or CMap is fetched over a
 * network; standard fonts and CMaps come from the package's own folders.
 * @typedef {import("./text-budget.mjs").TextBudget} TextBudget
 */

const packageRoot = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

/**
 * Fills `out` with the text of at most `maxPages` pages (pages separated by an empty line) and
 * returns the document's page count.
 * @param {Uint8Array} bytes
 * @param {number} maxPages
 * @param {TextBudget} out
 */
export async function pdfText(bytes, maxPages, out) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // @ts-expect-error pdfjs looks for its worker's handler here before it would load a script.
  globalThis.pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");

  const task = pdfjs.getDocument({
    data: bytes,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    standardFontDataUrl: `${path.join(packageRoot, "standard_fonts")}/`,
    cMapUrl: `${path.join(packageRoot, "cmaps")}/`,
    cMapPacked: true,
    wasmUrl: `${path.join(packageRoot, "wasm")}/`,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message = error instanceof Error ? error.message : String(error);
    throw new ExtractionFailure(name === "PasswordException" ? "encrypted" : "unreadable", message);
  }
  try {
    const pages = document.numPages;
    for (let number = 1; number <= Math.min(pages, maxPages) && !out.full; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item)) continue;
        out.push(item.str);
        if (item.hasEOL) out.push("\n");
      }
      out.push("\n\n");
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
