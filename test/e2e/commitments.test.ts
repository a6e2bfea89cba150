import { describe, expect, it } from "vitest";
import { pageSettled } from "../support/browser";
import { browser, collectBrowserErrors, demoLogin, expectAccessible, server, signedInPage, useDemoServerAndBrowser } from "../support/e2e";

const staffLogin = demoLogin("staff");
const TITLE = "Barrierefreiheitsprüfung des Chatbots vorlegen";

useDemoServerAndBrowser();

describe("commitments in a real browser", { timeout: 180_000 }, () => {
  it("staff record a commitment, update it and publish it; a visitor reads it on the recommendation's timeline", async () => {
    const { page, context, errors } = await signedInPage(staffLogin.email, staffLogin.password);
    await page.goto(`${server.url}/zusagen`);
    await page.getByRole("heading", { level: 1, name: "Zusagen" }).waitFor();
    await pageSettled(page);
    expect(await page.locator("main").innerText()).toContain("Unaufgeforderter Bericht im Haupt- und Finanzausschuss");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Zusage erfassen" }).click();
    await page.getByRole("heading", { level: 1, name: "Zusage erfassen" }).waitFor();
    await pageSettled(page);
    await page.getByLabel("Kurztitel").fill(TITLE);
    await page.getByLabel("Wortlaut der Zusage").fill("Die Verwaltung legt vor dem Start des Piloten eine Prüfung nach BITV 2.0 vor.");
    await page.getByLabel("Zusage von (Amt, Dezernat)").fill("10-Amt für Personal und Organisation");
    await page.getByLabel("Vorlage", { exact: true }).fill("ST/0020/2025");
    await page.getByLabel("Frist laut Quelle (optional)").fill("vor dem Start des Piloten");
    await page.getByLabel(/^EM\/0001\/2025/).check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Zusage erfassen" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await pageSettled(page);
    await expectAccessible(page);

    const statusForm = page.locator("form", { has: page.getByRole("button", { name: "Stand speichern" }) });
    await statusForm.getByLabel("Neuer Stand").selectOption({ label: "in Arbeit" });
    await statusForm.getByLabel("Notiz").fill("Der Anbieter hat den Prüfbericht angekündigt.");
    await statusForm.getByRole("button", { name: "Stand speichern" }).click();
    const history = page.getByRole("table", { name: "Verlauf der Zusage, älteste zuerst" });
    await expect.poll(() => history.getByRole("row").count(), { timeout: 30_000 }).toBe(3);
    expect(await history.innerText()).toContain("Der Anbieter hat den Prüfbericht angekündigt.");
    await page.getByRole("button", { name: "Öffentlich machen" }).click();
    await page.getByRole("button", { name: "Nur intern zeigen" }).waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();

    const visitor = await browser.newPage();
    const visitorErrors = collectBrowserErrors(visitor);
    await visitor.goto(`${server.url}/umsetzung`);
    await visitor.getByRole("heading", { level: 1, name: "Umsetzung der Empfehlungen" }).waitFor();
    await pageSettled(visitor);
    await expectAccessible(visitor);
    await visitor.getByRole("link", { name: /^EM\/0001\/2025/ }).click();
    await visitor.getByRole("heading", { level: 2, name: "Was aus der Empfehlung wurde" }).waitFor();
    await pageSettled(visitor);
    const timeline = await visitor.locator("#umsetzung").innerText();
    for (const part of [
      "Antrag AT/0014/2025",
      "Stellungnahme ST/0020/2025",
      "Beschluss des Digitalbeirats",
      "Stadtrat zu AT/0014/2025: Kenntnis",
      "Vorstellung einer Chatbot-Variante durch einen Softwareanbieter",
      "Unaufgeforderter Bericht im Haupt- und Finanzausschuss",
      `${TITLE}: in Arbeit`,
    ])
      expect(timeline).toContain(part);
    await expectAccessible(visitor);
    expect(visitorErrors).toEqual([]);
    await visitor.close();
  });
});
