// @ts-check
/**
 * Collects extracted text up to a maximum length; the rest is dropped (the text is for search,
 * and a 2 MB cap keeps the row and the tsvector bounded). Extractors stop early once `full`.
 */
export class TextBudget {
  /** @param {number} maxChars */
  constructor(maxChars) {
    this.maxChars = maxChars;
    /** @type {string[]} */
    this.parts = [];
    this.length = 0;
    this.full = false;
  }

  /** @param {string} text */
  push(text) {
    if (this.full || text.length === 0) return;
    const room = this.maxChars - this.length;
    if (text.length > room) {
      // Never end on the first half of a surrogate pair.
      const cut = room > 0 && isHighSurrogate(text.charCodeAt(room - 1)) ? room - 1 : room;
      text = text.slice(0, cut);
      this.full = true;
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** The text with NUL and other control characters removed (PostgreSQL text refuses NUL), tidy white space; null if empty. */
  result() {
    const text = this.parts
      .join("")
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    return text.length > 0 ? text : null;
  }
}

/** @param {number} code */
function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}
