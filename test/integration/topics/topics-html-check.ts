import { Parser } from "htmlparser2";

// Written out here on purpose, not imported from app/lib/markdown.server.ts: the check must not
// widen when the sanitizer's allow-list does.
const SAFE_TAGS = new Set("p br hr strong em del code pre blockquote ul ol li a h1 h2 h3 h4 h5 h6 table thead tbody tr th td".split(" "));
const SAFE_ATTRIBUTES = new Set(["href", "title", "rel", "align", "start"]);

/**
 * Everything in rendered user HTML that a browser could execute: unknown elements, event
 * handlers or other attributes, and links whose scheme is not http(s)/mailto or relative.
 */
export function executableMarkup(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!SAFE_TAGS.has(name)) problems.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (!SAFE_ATTRIBUTES.has(attribute)) problems.push(`${name}[${attribute}]`);
          if (attribute === "href" && !isSafeHref(value)) problems.push(`href=${value}`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

function isSafeHref(value: string) {
  // Browsers ignore these characters inside a scheme; strip them the way they do.
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || scheme === "http" || scheme === "https" || scheme === "mailto";
}

const ACTIVE_TAGS = new Set([
  "script",
  "iframe",
  "frame",
  "object",
  "embed",
  "svg",
  "math",
  "img",
  "video",
  "audio",
  "source",
  "style",
  "link",
  "meta",
  "base",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "details",
  "marquee",
  "noscript",
  "template",
]);

/** For whole rendered pages: active elements, event handlers, or unsafe link schemes anywhere. */
export function executableMarkupInPage(html: string, allowedActiveTags: string[] = []): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (ACTIVE_TAGS.has(name) && !allowedActiveTags.includes(name)) problems.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith("on")) problems.push(`${name}[${attribute}]`);
          if (["href", "src", "action", "formaction", "xlink:href", "srcdoc"].includes(attribute) && !isSafeHref(value)) problems.push(`${attribute}=${value}`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}
