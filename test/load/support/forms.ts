/** Just enough HTML reading for our own server-rendered pages: forms, their fields, links. */
export type FormField = { name: string; value: string; options: string[] };
export type FoundForm = { page: string; action: string; method: "get" | "post"; fields: FormField[]; submits: Array<{ name: string; value: string }> };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'", nbsp: " " };

export function decodeEntities(text: string) {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (match, name: string) => {
    if (ENTITIES[name.toLowerCase()]) return ENTITIES[name.toLowerCase()];
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return match;
  });
}

export function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) result[name.toLowerCase()] = decodeEntities(value ?? "");
  return result;
}

export function parseForms(html: string, page: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const [, formTag, inner] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(formTag);
    const method = (attrs.method ?? "get").toLowerCase() === "post" ? "post" : "get";
    const fields: FormField[] = [];
    const submits: FoundForm["submits"] = [];
    for (const [, tag] of inner.matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(tag);
      if (!a.name) continue;
      if (a.type === "submit") submits.push({ name: a.name, value: a.value ?? "" });
      else if ((a.type === "checkbox" || a.type === "radio") && !("checked" in a)) fields.push({ name: a.name, value: "", options: [a.value ?? "on"] });
      else fields.push({ name: a.name, value: a.value ?? "", options: [] });
    }
    for (const [, tag, text] of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const a = attributes(tag);
      if (a.name) fields.push({ name: a.name, value: decodeEntities(text), options: [] });
    }
    for (const [, tag, options] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const a = attributes(tag);
      const values = [...options.matchAll(/<option\b([^>]*)>/gi)].map(([, o]) => attributes(o).value ?? "");
      const selected = [...options.matchAll(/<option\b([^>]*)>/gi)].map(([, o]) => attributes(o)).find((o) => "selected" in o);
      if (a.name) fields.push({ name: a.name, value: selected?.value ?? values[0] ?? "", options: values });
    }
    for (const [, tag] of inner.matchAll(/<button\b([^>]*)>/gi)) {
      const a = attributes(tag);
      if (a.name && a.type !== "button") submits.push({ name: a.name, value: a.value ?? "" });
    }
    forms.push({ page, action: attrs.action || page, method, fields, submits });
  }
  return forms;
}

export function parseLinks(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)[^"]*"/gi)].map(([, href]) => decodeEntities(href));
}

/**
 * A URL's shape: segments that are plain words stay (themen, bearbeiten), ids, slugs and
 * references collapse (/themen/ki-chatbot/beitrag/12 → /themen/:x/beitrag/:x).
 */
export function shapeOf(url: string) {
  const parsed = new URL(url, "http://x");
  const segments = parsed.pathname.split("/").map((segment, i) => (i <= 1 || /^[a-zäöüß]+$/.test(segment) ? segment : ":x"));
  return segments.join("/") + (parsed.searchParams.has("index") ? "?index" : "");
}

export function formSignature(form: FoundForm) {
  const names = [...new Set(form.fields.map((f) => f.name))].sort().join(",");
  const submits = form.submits
    .map((s) => `${s.name}=${s.value}`)
    .sort()
    .join(",");
  return `${form.method} ${shapeOf(form.action)} [${names}] [${submits}]`;
}
