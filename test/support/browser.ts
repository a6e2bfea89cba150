import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
/** Starts the binary given in its CHROMIUM_PATH without the address bar's WebUI popups (see there). */
const CHROMIUM = path.join(import.meta.dirname, "chromium.sh");
/**
 * Debian's chromium-headless-shell: Chromium's page engine without the browser around it (no
 * windows, no browser UI), a sixth less CPU for the same test files (measured on third-parties,
 * recommendations and smoke). It has no PDF viewer, so the one test that opens a PDF in the
 * browser gets the full Chromium. CHROMIUM_PATH replaces the headless shell.
 */
const BINARIES = { shell: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell", full: "/usr/bin/chromium" };

const worker = globalThis as unknown as Record<symbol, Promise<Browser> | undefined>;

/**
 * The worker's Chromium: test files share their worker process (isolate: false), so one browser
 * (of each kind) serves them one after another instead of one launch per file. A file's close()
 * closes only its contexts; Playwright ends the browser with the worker. A browser that crashed
 * or was closed for real is launched anew.
 */
export async function launchBrowser(options: { pdfViewer?: boolean } = {}): Promise<Browser> {
  const kind = options.pdfViewer ? "full" : "shell";
  const shared = Symbol.for(`digitalbeirat.test.chromium.${kind}`);
  const running = await worker[shared]?.catch(() => undefined);
  if (running?.isConnected()) return running;
  const launching = chromium
    .launch({
      executablePath: CHROMIUM,
      env: { ...process.env, CHROMIUM_PATH: BINARIES[kind] },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    })
    .then((browser) => {
      browser.close = async () => {
        await Promise.all(browser.contexts().map((context) => context.close()));
      };
      return browser;
    });
  worker[shared] = launching;
  return launching;
}

/** Signs in through the real login form. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  // Signed in once the header offers to sign out (after a client-side or a full navigation).
  await page.getByRole("button", { name: "Abmelden" }).waitFor({ timeout: 60_000 });
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> };

/** WCAG 2.1 A/AA violations on the current page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Through the DevTools protocol, not a <script> tag: the page's nonce CSP would block that.
  // Once per document: after a client-side navigation the document still has it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // Every rule still runs on every node; only the passes are not worked up into results nobody reads.
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export function describeViolations(violations: AxeViolation[]) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`).join("\n");
}

/**
 * Call after waiting for something only the new page has (its heading): the rest of that page is
 * there too. A link clicked before React hydrated the old page is a full document navigation, and
 * the new document streams in: its heading can be parsed while the content below it is still
 * arriving, so a count right after the heading saw 0 of what came later (the version diff's
 * <ins> under load). Waits until the document has loaded and React has hydrated it.
 */
export async function pageSettled(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => {
    const root = document.querySelector("main") ?? document.body;
    return Object.keys(root).some((key) => key.startsWith("__reactFiber$"));
  });
}
