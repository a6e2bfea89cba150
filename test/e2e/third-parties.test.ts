// No third parties, kept true: a real browser walks the public pages and the signed-in pages of
// every demo role and fails on any request to a host other than the portal's own origin, and on
// any cookie set for a visitor. The Leichte Sprache and Gebärdensprache pages and the record of
// processing activities are checked with axe on the way, for every role.
//
// The signed-in walk loads each kind of page (its path with ids left out) in the browser once, for
// the first role that reaches it. For the other roles the same page runs the same code on other
// data, so it is read over HTTP with that role's session instead, which shows what a browser would
// be allowed and told to load: the Content-Security-Policy names no other host (the browser
// enforces it; csp.test.ts checks that it does and that the portal stays within it), and the HTML
// loads nothing from another host (src, srcset, poster, action, formaction, <link href>, url() in
// styles). The one load the policy leaves open, a script that the portal's own scripts add under
// 'strict-dynamic', comes from code that is the same for every role and ran in the browser.
import { describe, expect, it } from "vitest";
import type { APIRequestContext, BrowserContext, Page, Response } from "playwright-core";
import { DEMO_LOGINS } from "../../db/seed/accounts";
import { axeViolations, describeViolations, signInThroughForm } from "../support/browser";
import { browser, server, useDemoServerAndBrowser } from "../support/e2e";
import { foreignLoads, readPage } from "../support/page-references";

useDemoServerAndBrowser();

const PUBLIC_PAGES = [
  "/",
  "/themen",
  "/sitzungen",
  "/vorlagen",
  "/empfehlungen",
  "/suche?q=Chatbot",
  "/impressum",
  "/datenschutz",
  "/barrierefreiheit",
  "/leichte-sprache",
  "/gebaerdensprache",
  "/login",
  "/passwort-vergessen",
];
const CHECKED_WITH_AXE = ["/leichte-sprache", "/gebaerdensprache", "/admin/verarbeitungsverzeichnis"];
/** Detail pages reached from the lists: the first few links of each kind. */
const DETAIL_LINK = /^\/(sitzungen\/\d+|vorlagen\/[^/]+|empfehlungen\/\d+(\/druck)?|themen\/[a-z0-9-]+)$/;

/** Records every request that leaves the portal's origin (data: and blob: never reach a network). */
function watchRequests(context: BrowserContext) {
  const foreign: string[] = [];
  const seen = { count: 0 };
  const origin = new URL(server.url).origin;
  context.on("request", (request) => {
    seen.count++;
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== origin) foreign.push(`${request.method()} ${request.url()} (von ${request.frame().url()})`);
  });
  return { foreign, seen };
}

async function visit(page: Page, path: string) {
  const reply = await page.goto(`${server.url}${path}`);
  expect(reply?.status(), path).toBeLessThan(400);
  // Leichte Sprache and Gebärdensprache are one click from every page.
  expect(await page.getByRole("banner").getByRole("link", { name: "Leichte Sprache", exact: true }).count(), path).toBe(1);
  expect(await page.getByRole("banner").getByRole("link", { name: "Gebärdensprache", exact: true }).count(), path).toBe(1);
  if (CHECKED_WITH_AXE.includes(path)) {
    const violations = await axeViolations(page);
    expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
  }
}

/** The kind of page a path shows: the path with its ids (numbers, paper numbers, topic slugs) left out. */
function pageKind(path: string) {
  return path.replace(/^\/(vorlagen|themen)\/[^/?]+/, "/$1/:id").replace(/\/\d+(?=[/?]|$)/g, "/:id");
}

/** Same-origin links (paths only) in the server's HTML of a page, inside <main>, without duplicates. */
async function linksInMain(request: APIRequestContext, path: string) {
  return readPage(await (await request.get(`${server.url}${path}`)).text()).links.main;
}

/** The first few detail pages each list links to, for whoever the request context is signed in as. */
async function detailPages(request: APIRequestContext, perList: number) {
  const found: string[] = [];
  for (const list of ["/sitzungen", "/vorlagen", "/empfehlungen", "/themen"]) {
    const details = (await linksInMain(request, list)).filter((href) => DETAIL_LINK.test(href) && !/\/(neu|handlungsfelder|vorschau)$/.test(href));
    found.push(...details.slice(0, perList));
  }
  return found;
}

/** Sources in a Content-Security-Policy that allow a host ('self', 'none', nonces and 'strict-dynamic' name none). */
function hostsAllowed(policy: string | undefined) {
  if (!policy) return ["keine Content-Security-Policy"];
  const directives = policy.split(";").map((directive) => directive.trim().split(/\s+/));
  const allowed = directives.flatMap(([, ...sources]) => sources.filter((source) => !/^'(self|none|strict-dynamic|nonce-[^']+)'$/.test(source)));
  if (!directives.some(([name]) => name === "default-src")) allowed.push("default-src fehlt");
  return allowed;
}

/** The same page for another role, over HTTP with the context's session: what a browser would be allowed and told to load. */
async function check(context: BrowserContext, path: string) {
  const response = await context.request.get(`${server.url}${path}`);
  expect(response.status(), path).toBeLessThan(400);
  expect(new URL(response.url()).origin, path).toBe(new URL(server.url).origin);
  expect(hostsAllowed(response.headers()["content-security-policy"]), path).toEqual([]);
  const page = readPage(await response.text());
  expect(foreignLoads(page.loads, response.url()), path).toEqual([]);
  expect(page.loads.length, path).toBeGreaterThan(0);
  // Leichte Sprache and Gebärdensprache are one click from every page.
  expect(page.bannerLinks.filter((name) => name === "Leichte Sprache").length, path).toBe(1);
  expect(page.bannerLinks.filter((name) => name === "Gebärdensprache").length, path).toBe(1);
}

describe("no third parties", { timeout: 600_000 }, () => {
  it("a visitor's pages load nothing from another host and set no cookie", async () => {
    const context = await browser.newContext();
    const { foreign, seen } = watchRequests(context);
    const setCookies: string[] = [];
    const headerReads: Promise<void>[] = [];
    const readSetCookie = (response: Response) => {
      headerReads.push(
        response.headerValue("set-cookie").then((value) => {
          if (value) setCookies.push(`${response.url()}: ${value}`);
        }),
      );
    };
    context.on("response", readSetCookie);
    const page = await context.newPage();
    const pages = [...PUBLIC_PAGES, ...(await detailPages(context.request, 2))];
    expect(pages.length).toBeGreaterThan(PUBLIC_PAGES.length + 3);
    for (const path of pages) await visit(page, path);
    // The Leichte Sprache link in the header leads there in one click.
    await page.goto(`${server.url}/impressum`);
    await page.getByRole("banner").getByRole("link", { name: "Leichte Sprache", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Leichte Sprache" }).waitFor();
    // Documents, scripts, styles and data requests of every page were watched.
    expect(seen.count).toBeGreaterThan(pages.length * 2);
    expect(foreign).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    // Every header read finishes before the context closes (a read still pending then would reject).
    context.off("response", readSetCookie);
    await Promise.all(headerReads);
    expect(setCookies).toEqual([]);
    await context.close();
  });

  it("every role's signed-in pages load nothing from another host", async () => {
    const kindsLoaded = new Set<string>();
    for (const login of DEMO_LOGINS) {
      const context = await browser.newContext();
      const { foreign, seen } = watchRequests(context);
      const page = await context.newPage();
      await signInThroughForm(page, server.url, login.email, login.password);
      const pages = new Set([...readPage(await page.content()).links.header, "/konto", "/benachrichtigungen", "/konto/benachrichtigungen"]);
      if (login.role === "admin" || login.role === "staff") {
        for (const href of await linksInMain(context.request, "/admin")) if (href.startsWith("/admin/")) pages.add(href);
      }
      for (const path of await detailPages(context.request, 1)) pages.add(path);
      let loaded = 0;
      for (const path of pages) {
        if (path === "/logout") continue;
        if (kindsLoaded.has(pageKind(path)) && !CHECKED_WITH_AXE.includes(path)) {
          await check(context, path);
          continue;
        }
        kindsLoaded.add(pageKind(path));
        await visit(page, path);
        loaded++;
      }
      if (login.role === "admin") expect(pages.has("/admin/verarbeitungsverzeichnis")).toBe(true);
      expect(seen.count).toBeGreaterThan(loaded * 2);
      expect(foreign, login.role).toEqual([]);
      // The one cookie a member gets is the portal's own session cookie, for this host only.
      const cookies = await context.cookies();
      expect(cookies.map((cookie) => [cookie.name, cookie.domain, cookie.httpOnly])).toEqual([["session", new URL(server.url).hostname, true]]);
      await context.close();
    }
  });
});
