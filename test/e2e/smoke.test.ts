import { describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../db/seed/accounts";
import { axeViolations, describeViolations, signInThroughForm } from "../support/browser";
import { browser, server, useDemoServerAndBrowser } from "../support/e2e";

useDemoServerAndBrowser();

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
