// @ts-check
/**
 * Plain text and CSV: UTF-8 (a BOM is dropped by TextDecoder); a file that is not valid UTF-8 is
 * read as Windows-1252, which is what spreadsheet programs here still write for "CSV". Only as
 * many bytes are decoded as can fill the text budget (no UTF-16 unit takes more than 3 bytes).
 * @param {Uint8Array} bytes
 * @param {import("./text-budget.mjs").TextBudget} out
 */
export function plainText(bytes, out) {
  const head = bytes.subarray(0, out.maxChars * 3);
  let text;
  try {
    // `stream: true`: a multi-byte character cut at the end of `head` is not an encoding error.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    text = windows1252(head);
  }
  out.push(text);
}

// Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1, so 0x80–0x9F are mapped here
// (a no-op once Node follows the WHATWG table).
const WINDOWS_1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** @param {Uint8Array} bytes */
function windows1252(bytes) {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]);
}
