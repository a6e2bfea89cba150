// Revalidated pages in Chromium (docs/decisions/096): a reload that the server answers with 304
// shows the cached page with the nonce it was served with, and its scripts still run under the
// policy stored beside it — no CSP violation, client-side navigation still works.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { cspWatchedPage, demoLogin, server, useDemoServerAndBrowser } from "../support/e2e";

useDemoServerAndBrowser();

/** Statuses the server logged for a path (the request log leaves the query string off). */
function loggedStatuses(path: string, since: number) {
  return [
    ...server
      .output()
      .slice(since)
      .matchAll(new RegExp(`GET ${path.replace(/[.?]/g, "\\$&")} (\\d{3}) `, "g")),
  ].map((match) => Number(match[1]));
}

async function hydrated(page: Page) {
  await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
  await page.waitForLoadState("networkidle");
}

const scriptNonce = (page: Page) => page.evaluate(() => (document.querySelector("script[nonce]") as HTMLScriptElement | null)?.nonce ?? "");

/** Scripts run: a marker set now survives a client-side navigation to the given main menu entry. */
async function navigatesClientSide(page: Page, linkName: string, path: string) {
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 7));
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: linkName }).click();
  await page.waitForURL(`${server.url}${path}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return page.evaluate(() => (window as unknown as { __marker?: number }).__marker);
}

describe("HTTP caching in the browser", () => {
  it("reloads a signed-in page from a 304 with its old nonce, runs its scripts and reports no violation", { timeout: 120_000 }, async () => {
    const { context, page, problems } = await cspWatchedPage(demoLogin("expert"));

    const start = server.output().length;
    await page.goto(`${server.url}/themen`);
    await hydrated(page);
    const nonce = await scriptNonce(page);
    expect(nonce).not.toBe("");

    await page.reload();
    await hydrated(page);
    expect(loggedStatuses("/themen", start), "first load, then the reload revalidated").toEqual([200, 304]);
    expect(await scriptNonce(page), "the cached page keeps the nonce it was served with").toBe(nonce);
    expect(await navigatesClientSide(page, "Empfehlungen", "/empfehlungen")).toBe(7);

    // A client-side navigation's data request revalidates too (fetch answers from the cache).
    await navigatesClientSide(page, "Themen", "/themen");
    const beforeData = server.output().length;
    expect(await navigatesClientSide(page, "Empfehlungen", "/empfehlungen")).toBe(7);
    expect(loggedStatuses("/empfehlungen", beforeData), "the data request for a page seen before").toEqual([304]);

    // Back to a page loaded in full, and forward again: still scripted, still within the policy.
    await page.goto(`${server.url}/vorlagen`);
    await hydrated(page);
    await page.goBack();
    await page.waitForURL(`${server.url}/empfehlungen`);
    await hydrated(page);
    expect(await navigatesClientSide(page, "Sitzungen", "/sitzungen")).toBe(7);
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it("reloads a visitor page from a 304 the same way", { timeout: 60_000 }, async () => {
    const { context, page, problems } = await cspWatchedPage();
    const start = server.output().length;
    await page.goto(`${server.url}/vorlagen`);
    await hydrated(page);
    const nonce = await scriptNonce(page);
    await page.reload();
    await hydrated(page);
    expect(loggedStatuses("/vorlagen", start)).toEqual([200, 304]);
    expect(await scriptNonce(page)).toBe(nonce);
    expect(await navigatesClientSide(page, "Themen", "/themen")).toBe(7);
    expect(await problems()).toEqual([]);
    await context.close();
  });
});
