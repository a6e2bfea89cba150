// What a page's HTML makes a browser load and which links it offers, read without a browser
// (test/e2e/third-parties.test.ts checks most role × page pairs this way).
import { Parser } from "htmlparser2";

/** Attributes whose URL the browser fetches as it renders or submits the page. */
const LOADING_ATTRIBUTES = new Set(["src", "srcset", "imagesrcset", "poster", "data", "action", "formaction", "background", "xlink:href"]);
/** Links a person follows: not loaded with the page. */
const FOLLOWED_LINKS = new Set(["a", "area"]);
/** Sectioning elements inside which a <header> is not the page's banner. */
const SECTIONING = new Set(["article", "aside", "main", "nav", "section"]);
const CSS_URL = /url\(\s*(["']?)(.*?)\1\s*\)|@import\s+(["'])(.*?)\3/g;

export type PageReferences = {
  /** Every URL the page loads: loading attributes, <link href>, a meta refresh, url() and @import in styles. */
  loads: string[];
  /** Accessible names of the links in the banner (the page's first top-level <header>). */
  bannerLinks: string[];
  /** Same-origin link targets (paths, no fragment) inside <header> and inside <main> elements. */
  links: { header: string[]; main: string[] };
};

export function readPage(html: string): PageReferences {
  const loads: string[] = [];
  const bannerLinks: string[] = [];
  const links = { header: [] as string[], main: [] as string[] };
  const open: string[] = [];
  let banner: "before" | "inside" | "after" = "before";
  let bannerDepth = 0;
  let anchor: { label: string | undefined; text: string } | null = null;
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute === "style") loads.push(...cssUrls(value));
          else if (attribute === "srcset" || attribute === "imagesrcset") loads.push(...value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]));
          else if (LOADING_ATTRIBUTES.has(attribute) || (attribute === "href" && !FOLLOWED_LINKS.has(name))) loads.push(value);
        }
        if (name === "meta" && attributes["http-equiv"]?.toLowerCase() === "refresh") {
          const target = /url\s*=\s*(.+)$/i.exec(attributes.content ?? "")?.[1];
          if (target) loads.push(target.replace(/^["']|["']$/g, ""));
        }
        if (name === "header" && banner === "before" && !open.some((tag) => SECTIONING.has(tag))) {
          banner = "inside";
          bannerDepth = open.length;
        }
        if (name === "a" && attributes.href?.startsWith("/")) {
          const path = attributes.href.split("#")[0];
          if (path && open.includes("header")) links.header.push(path);
          if (path && open.includes("main")) links.main.push(path);
        }
        if (name === "a" && banner === "inside") anchor = { label: attributes["aria-label"], text: "" };
        if (name === "style") inStyle = true;
        open.push(name);
      },
      ontext(text) {
        if (anchor) anchor.text += text;
        if (inStyle) loads.push(...cssUrls(text));
      },
      onclosetag(name) {
        open.pop();
        if (name === "a" && anchor) {
          bannerLinks.push(anchor.label ?? anchor.text.replace(/\s+/g, " ").trim());
          anchor = null;
        }
        if (name === "style") inStyle = false;
        if (name === "header" && banner === "inside" && open.length === bannerDepth) banner = "after";
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { loads, bannerLinks, links: { header: [...new Set(links.header)], main: [...new Set(links.main)] } };
}

function cssUrls(css: string) {
  return [...css.matchAll(CSS_URL)].map((match) => match[2] ?? match[4]);
}

/** The loads that leave the page's origin (data: and blob: never reach a network). */
export function foreignLoads(loads: string[], pageUrl: string) {
  const origin = new URL(pageUrl).origin;
  return loads.filter((load) => {
    const url = URL.parse(load.trim(), pageUrl);
    return !url || (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin);
  });
}
