import { build } from "esbuild";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { extractText, extractTextWithin, TextExtractionError } from "~/documents/extract/index.server";
import { DEFAULT_EXTRACTION_LIMITS } from "~/documents/extract/limits.server";
import { ExtractionFailure } from "~/documents/extract/failure.mjs";
import { openZip } from "~/documents/extract/zip.mjs";
import { docx, docxBomb } from "../support/document-files";
import { rejectedWith } from "../support/rejection";

// The limits of text extraction (docs/decisions/090): zip bombs, a runaway parse, the heap, and
// the worker file being found from the production bundle.
const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/documents");
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const MB = 1024 * 1024;

const refusal = (promise: Promise<unknown>) => rejectedWith(promise, TextExtractionError);

describe("ZIP limits", () => {
  it("refuses a DOCX whose document inflates to 256 MB after a few MB, although its header claims 10 KB", async () => {
    const bomb = await docxBomb(256, 10_000);
    expect(bomb.byteLength).toBeLessThan(2 * MB);
    // In process, to see how far inflating got: it stops as soon as the output passes the header's claim.
    let failure: unknown;
    try {
      openZip(bomb, DEFAULT_EXTRACTION_LIMITS.zip).read("word/document.xml");
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ExtractionFailure);
    const inflated = Number(/after (\d+) bytes inflated/.exec((failure as ExtractionFailure).detail)?.[1]);
    expect(inflated).toBeGreaterThan(10_000);
    expect(inflated).toBeLessThan(8 * MB);

    // Through the worker: the same refusal as a reason.
    const refused = await refusal(extractText({ bytes: bomb, mimeType: DOCX }));
    expect(refused.reason).toBe("zip-limits");
    expect(refused.detail).toContain("larger than its header says");
  });

  it("refuses an honest header over the entry limit before inflating, and a high ratio under it", async () => {
    const honest = await docxBomb(80, 80 * MB);
    expect((await refusal(extractText({ bytes: honest, mimeType: DOCX }))).detail).toContain(`declares ${80 * MB} bytes`);

    const dense = await docxBomb(20, 20 * MB);
    const refused = await refusal(extractText({ bytes: dense, mimeType: DOCX }));
    expect(refused.reason).toBe("zip-limits");
    expect(refused.detail).toContain("expands more than 200:1");
  });

  it("refuses too many entries and counts all entries read against the total", () => {
    const many = docx(["x"]);
    expect(() => openZip(many, { ...DEFAULT_EXTRACTION_LIMITS.zip, maxEntries: 1 })).toThrow(/2 entries \(at most 1\)/);
    const zip = openZip(many, { ...DEFAULT_EXTRACTION_LIMITS.zip, maxTotalBytes: 300 });
    zip.read("[Content_Types].xml");
    expect(() => zip.read("word/document.xml")).toThrow(/exceed 300 bytes together/);
  });

  it("refuses an encrypted entry", () => {
    const bytes = docx(["geheim"]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 4 <= bytes.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    }
    expect(() => openZip(bytes, DEFAULT_EXTRACTION_LIMITS.zip).read("word/document.xml")).toThrow(/encrypted/);
  });
});

describe("the worker's own limits", () => {
  it("terminates a worker that never answers once the time limit has passed, and answers with a timeout", async () => {
    const script = path.join(FIXTURES, "runaway-worker.mjs");
    const refused = await refusal(
      extractTextWithin({ bytes: new Uint8Array(1), mimeType: "text/plain" }, { ...DEFAULT_EXTRACTION_LIMITS, timeMs: 300 }, script),
    );
    expect(refused.reason).toBe("timeout");
    // The real worker still runs afterwards (the slot of the killed one is free again).
    expect((await extractText({ bytes: new TextEncoder().encode("weiter"), mimeType: "text/plain" })).text).toBe("weiter");
  });

  it("stops a worker at its heap limit with the reason memory", async () => {
    const script = path.join(FIXTURES, "heap-hog-worker.mjs");
    const refused = await refusal(
      extractTextWithin({ bytes: new Uint8Array(1), mimeType: "text/plain" }, { ...DEFAULT_EXTRACTION_LIMITS, heapMb: 32 }, script),
    );
    expect(refused.reason).toBe("memory");
  });

  it("answers worker-failed when the worker ends without an answer", async () => {
    const script = path.join(FIXTURES, "silent-exit-worker.mjs");
    const refused = await refusal(extractTextWithin({ bytes: new Uint8Array(1), mimeType: "text/plain" }, DEFAULT_EXTRACTION_LIMITS, script));
    expect(refused.reason).toBe("worker-failed");
    expect(refused.detail).toContain("code 3");
  });
});

describe("the production bundle", () => {
  // Inside the project (tmp/ is ignored), as build/ is: the worker is found from the bundle's folder upwards.
  mkdirSync(path.join(ROOT, "tmp"), { recursive: true });
  const outDir = mkdtempSync(path.join(ROOT, "tmp", "extract-bundle-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("finds worker.mjs from a bundle built like build/index.js and extracts a PDF in plain Node", async () => {
    // As the classic Remix compiler does: esbuild, ESM, node_modules left external; worker.mjs is not copied.
    const outfile = path.join(outDir, "build/index.js");
    await build({
      entryPoints: [path.join(ROOT, "app/documents/extract/index.server.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      outfile,
      logLevel: "silent",
    });
    expect(readFileSync(outfile, "utf8")).not.toContain("pdfjs");

    const script = `
      import { readFileSync } from "node:fs";
      const { extractText } = await import(${JSON.stringify(outfile)});
      const result = await extractText({ bytes: readFileSync(${JSON.stringify(path.join(FIXTURES, "text.pdf"))}), mimeType: "application/pdf" });
      console.log(JSON.stringify(result));`;
    // From another working directory: the worker is found from the bundle's own location.
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: os.tmpdir() });
    const result = JSON.parse(stdout);
    expect(result.pages).toBe(3);
    expect(result.text).toContain("Die Größe der Übersicht");
  });
});
