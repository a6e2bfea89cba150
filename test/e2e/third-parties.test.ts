// No third parties, kept true: a real browser walks the public pages and the signed-in pages of
// every demo role and fails on any request to a host other than the portal's own origin, and on
// any cookie set for a visitor. The Leichte Sprache and Gebärdensprache pages and the record of
// processing activities are checked with axe on the way.
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page, Response } from "playwright-core";
import { DEMO_LOGINS } from "../../db/seed/accounts";
import { axeViolations, describeViolations, signInThroughForm } from "../support/browser";
import { browser, server, useDemoServerAndBrowser } from "../support/e2e";

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

/** Same-origin links on the current page (paths only), in document order, without duplicates. */
async function linksOnPage(page: Page, scope = "body") {
  const hrefs = await page.locator(`${scope} a[href^="/"]`).evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map((href) => href.split("#")[0]).filter(Boolean))];
}

async function detailPages(page: Page, perList: number) {
  const found: string[] = [];
  for (const list of ["/sitzungen", "/vorlagen", "/empfehlungen", "/themen"]) {
    await page.goto(`${server.url}${list}`);
    const details = (await linksOnPage(page, "main")).filter((href) => DETAIL_LINK.test(href) && !/\/(neu|handlungsfelder|vorschau)$/.test(href));
    found.push(...details.slice(0, perList));
  }
  return found;
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
    const pages = [...PUBLIC_PAGES, ...(await detailPages(page, 2))];
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
    for (const login of DEMO_LOGINS) {
      const context = await browser.newContext();
      const { foreign, seen } = watchRequests(context);
      const page = await context.newPage();
      await signInThroughForm(page, server.url, login.email, login.password);
      const pages = new Set([...(await linksOnPage(page, "header")), "/konto", "/benachrichtigungen", "/konto/benachrichtigungen"]);
      if (login.role === "admin" || login.role === "staff") {
        await page.goto(`${server.url}/admin`);
        for (const href of await linksOnPage(page, "main")) if (href.startsWith("/admin/")) pages.add(href);
      }
      for (const path of await detailPages(page, 1)) pages.add(path);
      for (const path of pages) if (path !== "/logout") await visit(page, path);
      if (login.role === "admin") expect(pages.has("/admin/verarbeitungsverzeichnis")).toBe(true);
      expect(seen.count).toBeGreaterThan(pages.size * 2);
      expect(foreign, login.role).toEqual([]);
      // The one cookie a member gets is the portal's own session cookie, for this host only.
      const cookies = await context.cookies();
      expect(cookies.map((cookie) => [cookie.name, cookie.domain, cookie.httpOnly])).toEqual([["session", new URL(server.url).hostname, true]]);
      await context.close();
    }
  });
});
