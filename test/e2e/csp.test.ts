// The nonce CSP in a real browser: pages hydrate and navigate with JavaScript, and nothing the
// portal serves is blocked (no securitypolicyviolation event, no CSP console message).
import { describe, expect, it } from "vitest";
import { cspWatchedPage, demoLogin, server, useDemoServerAndBrowser } from "../support/e2e";

useDemoServerAndBrowser();

describe("Content-Security-Policy with nonces", () => {
  it("runs the app's scripts, navigates client-side and reports no violation", { timeout: 60_000 }, async () => {
    const { context, page, problems } = await cspWatchedPage();
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    // Hydrated: a marker survives a client-side navigation (a full reload would drop it).
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Empfehlungen" }).click();
    await page.waitForURL(`${server.url}/empfehlungen`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it("signs in and works on board pages without a violation", { timeout: 90_000 }, async () => {
    const { context, page, problems } = await cspWatchedPage(demoLogin("expert"));
    for (const path of ["/themen", "/bewertungsrunden", "/sitzungen", "/suche?q=Chatbot", "/konto/zwei-faktor"]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
    }
    await page.getByRole("button", { name: "Einrichtung beginnen" }).click();
    await page.getByRole("img", { name: "QR-Code für die Authenticator-App" }).waitFor();
    expect(await page.locator(".qr-code svg").count()).toBe(1);
    expect(await problems()).toEqual([]);
    await context.close();
  });
});
