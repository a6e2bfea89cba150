// @ts-check
/**
 * A minimal streaming-style XML tokenizer for office formats: elements, text and CDATA, without a
 * DOM. Only the five predefined entities and character references are decoded; a DOCTYPE's own
 * entities are never expanded (no billion-laughs), comments and processing instructions are skipped.
 *
 * @typedef {{ open?: (name: string, attributes: string, selfClosing: boolean) => void; close?: (name: string) => void; text?: (text: string) => void; stop?: () => boolean }} XmlHandler
 */

// Linear on hostile input: no alternative scans past the next "<" (an unterminated comment or
// CDATA section swallows the rest), so "<a<a<a…" or "<!--<!--…" cannot make it quadratic.
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[?!][^<>]*>?|<(\/?)([A-Za-z_][\w.:-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*?)(\/?)>|([^<]+)|</g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
/** @type {Record<string, string>} */
const NAMED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Calls the handler per token, with names stripped of their namespace prefix (`w:t` → `t`).
 * @param {string} xml
 * @param {XmlHandler} handler
 */
export function scanXml(xml, handler) {
  TOKEN.lastIndex = 0;
  let match;
  let count = 0;
  while ((match = TOKEN.exec(xml)) !== null) {
    const [, cdata, slash, name, attributes, selfClosing, text] = match;
    if (text !== undefined) handler.text?.(decodeEntities(text));
    else if (cdata !== undefined) handler.text?.(cdata);
    else if (name !== undefined) {
      const local = name.slice(name.indexOf(":") + 1);
      if (slash) handler.close?.(local);
      else {
        handler.open?.(local, attributes, selfClosing === "/");
        if (selfClosing === "/") handler.close?.(local);
      }
    }
    if (++count % 1024 === 0 && handler.stop?.()) return;
  }
}

/** @param {string} text */
function decodeEntities(text) {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, decimal, hex, name) => {
    if (name) return NAMED[name];
    const code = decimal ? Number(decimal) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The value of one attribute by its local name (`text:c="3"` → "3"), or undefined.
 * @param {string} attributes
 * @param {string} localName
 */
export function attribute(attributes, localName) {
  let pattern = ATTRIBUTE_PATTERNS.get(localName);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${localName}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(localName, pattern);
  }
  const match = pattern.exec(attributes);
  return match ? decodeEntities(match[1] ?? match[2]) : undefined;
}

/** @type {Map<string, RegExp>} */
const ATTRIBUTE_PATTERNS = new Map();
