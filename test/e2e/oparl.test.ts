import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEMO_LOGINS } from "../../db/seed/accounts";
import { axeViolations, describeViolations, launchBrowser, signInThroughForm } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
const login = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject("pgTemplate"), { demo: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
}

describe("OParl in a real browser", () => {
  it("shows an imported paper's source and lets a member withdraw the OParl consent in /konto", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/vorlagen/ST-0020-2025`);
    expect(await page.getByText("aus dem Ratsinformationssystem, Stand").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Im Ratsinformationssystem ansehen" }).getAttribute("href")).toMatch(/^https:\/\/ris\.example\.org\//);
    await expectAccessible(page);
    await signInThroughForm(page, server.url, login("expert").email, login("expert").password);
    await page.goto(`${server.url}/konto`);
    const box = page.getByLabel("Meinen Namen als Mitglied des Digitalbeirats in der öffentlichen OParl-Schnittstelle zeigen");
    expect(await box.isChecked()).toBe(true);
    await expectAccessible(page);
    await box.uncheck();
    await Promise.all([page.waitForLoadState("networkidle"), page.locator("form", { has: box }).getByRole("button", { name: "Speichern" }).click()]);
    await page.getByText("Ihre Einstellung zur OParl-Schnittstelle ist gespeichert.").waitFor();
    const people = await (await fetch(`${server.url}/oparl/v1/body/1/person`)).json();
    expect(people.data).toEqual([]);
    await page.close();
  });

  it("gives staff the sync page with the button; the run is queued and then worked off by the job runner", async () => {
    const page = await browser.newPage();
    await signInThroughForm(page, server.url, login("admin").email, login("admin").password);
    await page.goto(`${server.url}/admin/oparl`);
    await expectAccessible(page);
    await page.getByLabel("OParl-System-URL des Ratsinformationssystems").fill("http://127.0.0.1:9/oparl/v1/system"); // loopback, closed: the background run fails fast
    await Promise.all([page.waitForLoadState("networkidle"), page.getByRole("button", { name: "Quelle speichern" }).click()]);
    await page.getByText("Die Quelle ist gespeichert.").waitFor();
    await Promise.all([page.waitForLoadState("networkidle"), page.getByRole("button", { name: "Jetzt abgleichen" }).click()]);
    await page.getByText("Der Abgleich ist eingereiht").waitFor();
    // The request only queued it; the job runner picks it up and records the failed fetch.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.url}/admin/oparl`);
          return page.getByRole("cell", { name: "fehlgeschlagen", exact: true }).count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await expectAccessible(page);
    await page.close();
  });
});
