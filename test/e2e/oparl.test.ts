import { describe, expect, it } from "vitest";
import { browser, demoLogin, expectAccessible, server, signedInPage, signInOverHttp, useDemoServerAndBrowser } from "../support/e2e";

useDemoServerAndBrowser();

describe("OParl in a real browser", () => {
  it("shows an imported paper's source and lets a member withdraw the OParl consent in /konto", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/vorlagen/ST-0020-2025`);
    expect(await page.getByText("aus dem Ratsinformationssystem, Stand").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Im Ratsinformationssystem ansehen" }).getAttribute("href")).toMatch(/^https:\/\/ris\.example\.org\//);
    await expectAccessible(page);
    await signInOverHttp(page.context(), demoLogin("expert").email, demoLogin("expert").password);
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
    const { page } = await signedInPage(demoLogin("admin").email, demoLogin("admin").password);
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
