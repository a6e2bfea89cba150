import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractText, extractTextWithin, TextExtractionError } from "~/documents/extract/index.server";
import { DEFAULT_EXTRACTION_LIMITS } from "~/documents/extract/limits.server";
import { docx, docxWithDocumentXml, helveticaPdf, ods, odsFromCellXml, odt, xlsx } from "../support/document-files";
import { rejectedWith } from "../support/rejection";

// Text extraction per format, through the real worker thread (docs/decisions/090).
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/documents");
const textPdf = readFileSync(path.join(FIXTURES, "text.pdf"));
const scanPdf = readFileSync(path.join(FIXTURES, "scan.pdf"));

const MIME = {
  pdf: "application/pdf",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const refusal = (promise: Promise<unknown>) => rejectedWith(promise, TextExtractionError);

describe("PDF", () => {
  it("reads the text layer of every page, with umlauts, and counts the pages; the caller's buffer stays usable", async () => {
    const result = await extractText({ bytes: textPdf, mimeType: MIME.pdf });
    expect(result.pages).toBe(3);
    expect(result.hasTextLayer).toBe(true);
    expect(result.text).toContain("Beschlussvorlage Glasfaserausbau");
    expect(result.text).toContain("Die Größe der Übersicht für Straßen und Plätze wird geprüft.");
    expect(result.text).toContain("Maßnahmen für öffentliche Gebäude");
    expect(result.text).toContain("Schlussbemerkung Zwiebelturm");
    // The bytes were copied into the worker, not taken away from the caller.
    expect(textPdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("reads at most maxPages pages but reports the real page count", async () => {
    const result = await extractTextWithin({ bytes: textPdf, mimeType: MIME.pdf }, { ...DEFAULT_EXTRACTION_LIMITS, maxPages: 2 });
    expect(result.pages).toBe(3);
    expect(result.text).toContain("Zweite Seite");
    expect(result.text).not.toContain("Zwiebelturm");
  });

  it("cuts the text at maxTextChars", async () => {
    const result = await extractTextWithin({ bytes: textPdf, mimeType: MIME.pdf }, { ...DEFAULT_EXTRACTION_LIMITS, maxTextChars: 20 });
    expect(result.text).toBe("Beschlussvorlage Gla");
  });

  it("reads text in a non-embedded standard font (metrics from pdfjs' own folder, nothing fetched)", async () => {
    const result = await extractText({ bytes: helveticaPdf("Größe (Maß) über Straßen"), mimeType: MIME.pdf });
    expect(result).toEqual({ text: "Größe (Maß) über Straßen", pages: 1, hasTextLayer: true });
  });

  it("lists an image-only PDF as having no text layer", async () => {
    expect(await extractText({ bytes: scanPdf, mimeType: MIME.pdf })).toEqual({ text: null, pages: 1, hasTextLayer: false });
  });

  it("refuses a truncated PDF and garbage behind a PDF header with a reason, without crashing", async () => {
    const truncated = await refusal(extractText({ bytes: textPdf.subarray(0, 1500), mimeType: MIME.pdf }));
    expect(truncated.reason).toBe("unreadable");
    const garbage = await refusal(extractText({ bytes: new TextEncoder().encode("%PDF-1.7\n<html><script>alert(1)</script>"), mimeType: MIME.pdf }));
    expect(garbage.reason).toBe("unreadable");
    // The next extraction works as before.
    expect((await extractText({ bytes: scanPdf, mimeType: MIME.pdf })).pages).toBe(1);
  });
});

describe("office files", () => {
  it("reads DOCX paragraphs with umlauts and entities, one per line", async () => {
    const bytes = docx(["Größe & Maß: Übersicht", "Zweiter Absatz <mit> Zeichen"]);
    expect(await extractText({ bytes, mimeType: MIME.docx })).toEqual({
      text: "Größe & Maß: Übersicht\nZweiter Absatz <mit> Zeichen",
      pages: null,
      hasTextLayer: true,
    });
  });

  it("reads ODT headings and paragraphs, spaces and tabs, and leaves deleted tracked changes and comments out", async () => {
    const body =
      `<text:tracked-changes><text:changed-region><text:deletion><text:p>Gelöschter Satz</text:p></text:deletion></text:changed-region></text:tracked-changes>` +
      `<text:h text:outline-level="1">Überschrift für Bürger</text:h>` +
      `<text:p>Erster<text:s text:c="2"/>Absatz&#x2013;mit<text:tab/>Tab<office:annotation><text:p>Kommentar</text:p></office:annotation></text:p>` +
      `<text:p>Zeile<text:line-break/>Umbruch äöüß</text:p>`;
    const result = await extractText({ bytes: odt(body), mimeType: MIME.odt });
    expect(result.text).toBe("Überschrift für Bürger\nErster  Absatz–mit\tTab\nZeile\nUmbruch äöüß");
  });

  it("reads ODS cells by row, a cell's paragraphs joined by a space", async () => {
    const result = await extractText({
      bytes: ods([
        ["Anbieter", "Preis"],
        ["Müller GmbH", "1200"],
      ]),
      mimeType: MIME.ods,
    });
    expect(result.text).toBe("Anbieter\tPreis\nMüller GmbH\t1200");
    const twoParagraphs = odsFromCellXml([["<text:p>Erste Zeile</text:p><text:p>zweite Zeile</text:p>"]]);
    expect((await extractText({ bytes: twoParagraphs, mimeType: MIME.ods })).text).toBe("Erste Zeile zweite Zeile");
  });

  it("reads XLSX shared strings and numbers from every sheet in order", async () => {
    const bytes = xlsx([
      [
        ["Kriterium", "Punkte"],
        ["Barrierefreiheit", 4],
      ],
      [["Zweites Blatt: Gesamtnote", 3.5]],
    ]);
    const result = await extractText({ bytes, mimeType: MIME.xlsx });
    expect(result.text).toBe("Kriterium\tPunkte\nBarrierefreiheit\t4\n\nZweites Blatt: Gesamtnote\t3.5");
  });

  it("reads hostile XML in linear time: unclosed tags, comments, CDATA and quotes by the million", async () => {
    const text = "<w:p><w:r><w:t>Anfang</w:t></w:r></w:p>";
    for (const junk of ["<a", "<!--", "<![CDATA[", '<a b="', "<?x", "<w:t>&#99999999;&amp"]) {
      const xml = `${text}${junk.repeat(Math.floor(6_000_000 / junk.length))}`;
      const result = await extractText({ bytes: docxWithDocumentXml(xml), mimeType: MIME.docx });
      expect(result.text?.startsWith("Anfang")).toBe(true);
    }
  });

  it("refuses a DOCX without word/document.xml and a file that is no ZIP", async () => {
    expect((await refusal(extractText({ bytes: odt("<text:p>x</text:p>"), mimeType: MIME.docx }))).reason).toBe("unreadable");
    expect((await refusal(extractText({ bytes: new Uint8Array(100), mimeType: MIME.xlsx }))).reason).toBe("unreadable");
  });
});

describe("plain text, images, other types", () => {
  it("reads UTF-8 without its BOM, Windows-1252 CSV, and drops NUL bytes", async () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Grüße\r\naus Köln\u0000!")]);
    expect(await extractText({ bytes: utf8, mimeType: "text/plain; charset=utf-8" })).toEqual({ text: "Grüße\naus Köln!", pages: null, hasTextLayer: true });
    const latin1 = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x38, 0x80]); // "Müller;8€" in Windows-1252
    expect((await extractText({ bytes: latin1, mimeType: "text/csv" })).text).toBe("Müller;8€");
  });

  it("gives images no text without starting a worker, and refuses other types and oversized input", async () => {
    const png = await extractTextWithin({ bytes: new Uint8Array(10), mimeType: "image/png" }, DEFAULT_EXTRACTION_LIMITS, "/nonexistent/worker.mjs");
    expect(png).toEqual({ text: null, pages: null, hasTextLayer: false });
    expect(await extractText({ bytes: new Uint8Array(10), mimeType: "image/jpeg" })).toEqual({ text: null, pages: null, hasTextLayer: false });
    expect((await refusal(extractText({ bytes: new Uint8Array(10), mimeType: "text/html" }))).reason).toBe("unsupported-type");
    const tooLarge = await refusal(
      extractTextWithin(
        { bytes: new Uint8Array(101), mimeType: "text/plain" },
        { ...DEFAULT_EXTRACTION_LIMITS, maxInputBytes: 100 },
        "/nonexistent/worker.mjs",
      ),
    );
    expect(tooLarge.reason).toBe("too-large");
  });
});
