// @ts-check
import { ExtractionFailure } from "./failure.mjs";
import { attribute, scanXml } from "./xml-scan.mjs";
import { openZip } from "./zip.mjs";

/**
 * Text of ODT/ODS (content.xml), DOCX (word/document.xml) and XLSX (shared strings + sheets).
 * Paragraphs end in a line break; spreadsheet cells are separated by tabs, rows by line breaks.
 * @typedef {import("./text-budget.mjs").TextBudget} TextBudget
 * @typedef {import("./zip.mjs").ZipLimits} ZipLimits
 */

const utf8 = new TextDecoder();

/**
 * @param {"odt" | "ods" | "docx" | "xlsx"} kind
 * @param {Uint8Array} bytes
 * @param {ZipLimits} limits
 * @param {TextBudget} out
 */
export function officeText(kind, bytes, limits, out) {
  const zip = openZip(bytes, limits);
  /** @param {string} name */
  const required = (name) => {
    const data = zip.read(name);
    if (!data) throw new ExtractionFailure("unreadable", `${name} is missing`);
    return utf8.decode(data);
  };
  if (kind === "docx") return docxText(required("word/document.xml"), out);
  if (kind === "odt" || kind === "ods") return odfText(required("content.xml"), kind === "ods", out);

  const shared = sharedStrings(zip.read("xl/sharedStrings.xml"));
  const sheets = zip
    .names()
    .map((name) => ({ name, number: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] }))
    .filter((sheet) => sheet.number !== undefined)
    .sort((a, b) => Number(a.number) - Number(b.number));
  for (const sheet of sheets) {
    if (out.full) break;
    xlsxSheetText(required(sheet.name), shared, out);
    out.push("\n\n");
  }
}

/**
 * @param {string} xml
 * @param {TextBudget} out
 */
function docxText(xml, out) {
  let inText = false;
  scanXml(xml, {
    open(name, _attributes, selfClosing) {
      if (name === "t" && !selfClosing) inText = true;
      else if (name === "tab") out.push("\t");
      else if (name === "br" || name === "cr") out.push("\n");
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "p") out.push("\n");
    },
    text(text) {
      if (inText) out.push(text);
    },
    stop: () => out.full,
  });
}

/**
 * Text inside office:body; deleted text of tracked changes and annotations are left out.
 * @param {string} xml
 * @param {boolean} spreadsheet
 * @param {TextBudget} out
 */
function odfText(xml, spreadsheet, out) {
  let inBody = false;
  let skipDepth = 0;
  let paragraphsInCell = 0;
  scanXml(xml, {
    open(name, attributes) {
      if (name === "body") inBody = true;
      if (!inBody) return;
      if (name === "tracked-changes" || name === "annotation" || skipDepth > 0) skipDepth++;
      else if (name === "table-cell") paragraphsInCell = 0;
      else if (name === "p" && spreadsheet && paragraphsInCell++ > 0) out.push(" ");
      else if (name === "s") out.push(" ".repeat(Math.min(Number(attribute(attributes, "c") ?? 1) || 1, 100)));
      else if (name === "tab") out.push("\t");
      else if (name === "line-break") out.push("\n");
    },
    close(name) {
      if (name === "body") inBody = false;
      if (!inBody) return;
      if (skipDepth > 0) skipDepth--;
      else if ((name === "p" || name === "h") && !spreadsheet) out.push("\n");
      else if (name === "table-cell" || name === "covered-table-cell") out.push("\t");
      else if (name === "table-row") out.push("\n");
      else if (name === "table") out.push("\n\n");
    },
    text(text) {
      if (inBody && skipDepth === 0) out.push(text);
    },
    stop: () => out.full,
  });
}

/**
 * The shared string table: one string per <si>, joined from its <t> runs (phonetic runs left out).
 * @param {Uint8Array | null} data
 */
function sharedStrings(data) {
  /** @type {string[]} */
  const strings = [];
  if (!data) return strings;
  let current = "";
  let inText = false;
  let inPhonetic = false;
  scanXml(utf8.decode(data), {
    open(name, _attributes, selfClosing) {
      if (name === "rPh") inPhonetic = true;
      else if (name === "t" && !selfClosing && !inPhonetic) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") {
        strings.push(current);
        current = "";
      }
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}

/**
 * @param {string} xml
 * @param {string[]} shared
 * @param {TextBudget} out
 */
function xlsxSheetText(xml, shared, out) {
  let type = "";
  let value = "";
  let inValue = false;
  scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === "c") {
        type = attribute(attributes, "t") ?? "";
        value = "";
      } else if ((name === "v" || name === "t") && !selfClosing) inValue = true;
    },
    close(name) {
      if (name === "v" || name === "t") inValue = false;
      else if (name === "c") out.push(`${type === "s" ? (shared[Number(value)] ?? "") : value}\t`);
      else if (name === "row") out.push("\n");
    },
    text(text) {
      if (inValue) value += text;
    },
    stop: () => out.full,
  });
}
