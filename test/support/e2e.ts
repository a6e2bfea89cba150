// What every browser test file sets up the same way: one production server on the demo story and
// one Chromium for the file, demo logins, the axe check, and a page's error collection.
import { afterAll, beforeAll, expect, inject } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_LOGINS } from "../../db/seed/accounts";
import { axeViolations, describeViolations, launchBrowser, signInThroughForm } from "./browser";
import { startServer, type RunningServer } from "./server";

// Live bindings: the importing test file reads them after its beforeAll has run.
export let server: RunningServer;
export let browser: Browser;

/** Starts the demo server (with extra env, read when the hook runs) and Chromium before the file's tests; stops both after. */
export function useDemoServerAndBrowser(env?: () => Record<string, string>, browserOptions?: { pdfViewer?: boolean }) {
  beforeAll(async () => {
    // Both settled before either is kept: a browser that fails to start must not leave the
    // server running after the file (afterAll stops what was assigned).
    const [started, launched] = await Promise.allSettled([startServer(inject("pgTemplate"), { demo: true, env: env?.() }), launchBrowser(browserOptions)]);
    if (started.status === "fulfilled") server = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    if (started.status === "rejected") throw started.reason;
    if (launched.status === "rejected") throw launched.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

export const demoLogin = (role: string) => DEMO_LOGINS.find((login) => login.role === role)!;

/** No WCAG 2.1 A/AA violation on the current page. */
export async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
}

/** Clicks the named button and waits until the page it leads to has settled. */
export async function submit(page: Page, name: string) {
  await Promise.all([page.waitForLoadState("networkidle"), page.getByRole("button", { name, exact: true }).click()]);
}

/** Hydration mismatches and script errors show up only in the browser console. */
export function collectBrowserErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} @ ${message.location().url}`);
  });
  return errors;
}

/**
 * Signs the context in by posting the login form's fields without loading the form, for tests
 * whose subject comes after the sign-in: the form itself is tested in smoke and accounts.
 */
export async function signInOverHttp(context: BrowserContext, email: string, password: string) {
  const response = await context.request.post(`${server.url}/login`, {
    form: { email, password, redirectTo: "/" },
    // Not a browser form: like any script it must name its origin (decision 071).
    headers: { Origin: server.url },
    maxRedirects: 0,
  });
  expect(response.status(), email).toBe(302);
  expect(
    (await context.cookies()).map((cookie) => cookie.name),
    email,
  ).toContain("session");
}

/** A new browser context, signed in (signInOverHttp), with a blank page; `timeout` becomes the page's default. */
export async function signedInPage(email: string, password: string, options: { timeout?: number } = {}) {
  const context = await browser.newContext();
  await signInOverHttp(context, email, password);
  const page = await context.newPage();
  if (options.timeout) page.setDefaultTimeout(options.timeout);
  const errors = collectBrowserErrors(page);
  return { page, context, errors };
}

/** A new context whose page reports CSP problems from its first request on (watchCsp); signed in if a login is given. */
export async function cspWatchedPage(login?: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await watchCsp(page);
  if (login) await signInThroughForm(page, server.url, login.email, login.password);
  return { context, page, problems };
}

/** Collects CSP violations (DOM event, recorded before any page script) and CSP console messages. */
export async function watchCsp(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return async () => [...problems, ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[])];
}
