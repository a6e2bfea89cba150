import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_LOGINS } from "../../db/seed/accounts";
import { axeViolations, describeViolations, launchBrowser, signInThroughForm } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject("pgTemplate"), { demo: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// Browser steps on a loaded two-core machine (sign-ins hash with argon2) need more than the default 30 s.
describe("page shell in a real browser", { timeout: 120_000 }, () => {
  it("shows the public start page with skip link, landmarks and no axe violations", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect(page.getByRole("main")).toBeDefined();
    expect(await page.getByRole("link", { name: "Zum Inhalt springen" }).count()).toBe(1);
    expect(await page.getByRole("contentinfo").getByRole("link", { name: "Impressum" }).count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it("lets every demo role sign in and out", async () => {
    for (const login of DEMO_LOGINS) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInThroughForm(page, server.url, login.email, login.password);
      expect(await page.getByRole("button", { name: "Abmelden" }).count()).toBe(1);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.getByRole("button", { name: "Abmelden" }).click();
      await page.getByRole("link", { name: "Anmelden" }).waitFor();
      expect(await page.getByRole("button", { name: "Abmelden" }).count()).toBe(0);
      await context.close();
    }
  });
});
