import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Bump when marked, the sanitizer rules or anything else here changes what a source renders to:
 * stored HTML with an older stamp is then rendered on the fly and re-rendered by a job.
 */
export const MARKDOWN_RENDERER_VERSION = 1;

const marked = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED_TAGS = [
  "p",
  "br",
  "hr",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

/**
 * Markdown from users → sanitized HTML. Raw HTML in the source is escaped first, so it shows as
 * text; the allow-list sanitizer then removes anything marked could still produce that is unsafe.
 */
export function renderMarkdown(source: string, options: { ownHost?: string } = {}): string {
  const escaped = source.replace(/</g, "&lt;");
  const html = marked.parse(escaped) as string;
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href ?? "";
        const external = isExternal(href, options.ownHost);
        return {
          tagName,
          attribs: external ? { ...attribs, rel: "nofollow noopener noreferrer" } : withoutRel(attribs),
        };
      },
    },
  });
}

/** Plain text of Markdown for summaries and search snippets. */
export function markdownToText(source: string): string {
  return sanitizeHtml(marked.parse(source.replace(/</g, "&lt;")) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, " ")
    .trim();
}

function isExternal(href: string, ownHost: string | undefined) {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) return false;
  try {
    const url = new URL(href);
    if (url.protocol === "mailto:") return false;
    return !ownHost || url.host !== ownHost;
  } catch {
    return true;
  }
}

function withoutRel(attribs: Record<string, string>) {
  const { rel: _rel, ...rest } = attribs;
  return rest;
}
