import { strToU8, zipSync, type Zippable } from "fflate";
import { createDeflateRaw } from "node:zlib";
import { rawZip } from "./zip";

/** Minimal but valid office files and PDFs, built at test time (the tests read the text back). */

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const zip = (files: Record<string, string>, level: 0 | 6 = 6) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])) as Zippable, { level });

export function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`).join("");
  return zip({
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  });
}

/** A DOCX holding the given word/document.xml as is, stored uncompressed (for hostile XML). */
export function docxWithDocumentXml(xml: string): Uint8Array {
  return zip({ "word/document.xml": xml }, 0);
}

const ODF_NS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"`;

export function odt(bodyXml: string): Uint8Array {
  return zip({
    mimetype: "application/vnd.oasis.opendocument.text",
    "content.xml": `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS}><office:body><office:text>${bodyXml}</office:text></office:body></office:document-content>`,
  });
}

export function ods(rows: string[][]): Uint8Array {
  return odsFromCellXml(rows.map((row) => row.map((cell) => `<text:p>${escape(cell)}</text:p>`)));
}

/** An ODS whose cells hold the given XML (paragraphs and more). */
export function odsFromCellXml(rows: string[][]): Uint8Array {
  const table = rows.map((row) => `<table:table-row>${row.map((cell) => `<table:table-cell>${cell}</table:table-cell>`).join("")}</table:table-row>`).join("");
  return zip({
    mimetype: "application/vnd.oasis.opendocument.spreadsheet",
    "content.xml": `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS}><office:body><office:spreadsheet><table:table table:name="Tabelle1">${table}</table:table></office:spreadsheet></office:body></office:document-content>`,
  });
}

/** Cells: a string goes into the shared string table, a number stays inline. */
export function xlsx(sheets: Array<Array<Array<string | number>>>): Uint8Array {
  const shared: string[] = [];
  const files: Record<string, string> = {};
  sheets.forEach((rows, index) => {
    const rowXml = rows
      .map((row) => {
        const cells = row.map((cell) => {
          if (typeof cell === "number") return `<c><v>${cell}</v></c>`;
          shared.push(cell);
          return `<c t="s"><v>${shared.length - 1}</v></c>`;
        });
        return `<row>${cells.join("")}</row>`;
      })
      .join("");
    files[`xl/worksheets/sheet${index + 1}.xml`] =
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml}</sheetData></worksheet>`;
  });
  files["xl/sharedStrings.xml"] =
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`;
  return zip(files);
}

/**
 * A DOCX whose word/document.xml inflates to `megabytes` MB of spaces from a few hundred KB,
 * while its headers claim `declaredSize` bytes (a bomb lies about its size).
 */
export async function docxBomb(megabytes: number, declaredSize: number): Promise<Uint8Array> {
  const compressed = await deflateRepeated(Buffer.alloc(1 << 20, 0x20), megabytes);
  return new Uint8Array(rawZip([{ name: "word/document.xml", stored: compressed, method: 8, crc: 0, size: declaredSize }]));
}

async function deflateRepeated(chunk: Buffer, times: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (part: Buffer) => parts.push(part));
  const done = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  for (let i = 0; i < times; i++) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

/**
 * A one-page PDF in the standard font Helvetica, not embedded (pdfjs takes its metrics from its
 * own standard_fonts folder), WinAnsi-encoded so umlauts are single bytes.
 */
export function helveticaPdf(line: string): Uint8Array {
  const literal = [...line].map((char) => (char.charCodeAt(0) > 126 ? `\\${char.charCodeAt(0).toString(8)}` : char.replace(/[()\\]/, "\\$&"))).join("");
  const content = `BT /F1 12 Tf 72 720 Td (${literal}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
