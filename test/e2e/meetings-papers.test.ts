import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pageSettled } from "../support/browser";
import { browser, collectBrowserErrors, demoLogin, expectAccessible, server, signedInPage, useDemoServerAndBrowser } from "../support/e2e";

const staffLogin = demoLogin("staff");
const SECRET = "Vertrauliche Preisverhandlung mit Anbieter B";

useDemoServerAndBrowser();

async function addItem(page: Page, number: string, name: string, isPublic: boolean) {
  const form = page.locator("form", { has: page.getByRole("button", { name: "Tagesordnungspunkt hinzufügen" }) });
  await form.getByLabel("Nummer", { exact: true }).fill(number);
  await form.getByLabel("Titel", { exact: true }).fill(name);
  if (!isPublic) await form.getByLabel("öffentlich", { exact: true }).uncheck();
  await form.getByRole("button", { name: "Tagesordnungspunkt hinzufügen" }).click();
  await page.getByRole("rowheader", { name: number, exact: true }).waitFor();
}

// Browser steps on a loaded two-core machine (sign-ins hash with argon2) need more than the default 30 s.
describe("meetings and papers in a real browser", { timeout: 120_000 }, () => {
  it("staff build an agenda; a visitor reads only its public part", async () => {
    const { page, context: staff, errors } = await signedInPage(staffLogin.email, staffLogin.password);
    await page.goto(`${server.url}/sitzungen`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sitzung anlegen" }).click();
    await page.getByLabel("Bezeichnung").fill("7. Sitzung des Digitalbeirats");
    await page.getByLabel("Beginn").fill("2030-03-28T17:00");
    await page.getByLabel("Ende").fill("2030-03-28T19:00");
    await page.getByLabel("Raum (optional)").fill("Rathaus, Raum 101");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sitzung anlegen" }).click();
    await page.getByRole("heading", { name: "Tagesordnung bearbeiten" }).waitFor();
    await addItem(page, "1", "Vorstellung der Chatbot-Lösung", true);
    await addItem(page, "2", SECRET, false);
    await page.getByRole("button", { name: "TOP 2 nach oben" }).click();
    // expect.poll gives up after 1 s by default: under load the move (post, redirect, reload) takes longer.
    await expect.poll(() => page.locator("tbody th[scope=row]").allTextContents(), { timeout: 30_000 }).toEqual(["2", "1"]);
    await expectAccessible(page);
    const meetingUrl = page.url().replace(/\/tagesordnung$/, "");
    // the other staff forms: minutes and attendance of a held meeting, a paper's Gremienweg
    await page.goto(`${server.url}/sitzungen?zeit=vergangen`);
    await page.getByRole("link", { name: "4. Sitzung des Digitalbeirats" }).click();
    await page.getByRole("link", { name: "Protokoll und Anwesenheit" }).click();
    await page.getByRole("button", { name: "Freigabe zurücknehmen" }).waitFor();
    await expectAccessible(page);
    await page.goto(`${server.url}/vorlagen/ST-0020-2025/gremienweg`);
    await page.getByRole("button", { name: "Haupt- und Finanzausschuss: nach oben" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 3 }).allTextContents(), { timeout: 30_000 })
      .toEqual(["1. Haupt- und Finanzausschuss", "2. Stadtrat"]);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await staff.close();

    const visitor = await browser.newPage();
    await visitor.goto(meetingUrl);
    await visitor.getByRole("heading", { name: "7. Sitzung des Digitalbeirats" }).waitFor();
    await pageSettled(visitor);
    const text = await visitor.locator("main").innerText();
    expect(text).toContain("TOP 1: Vorstellung der Chatbot-Lösung");
    expect(text).toContain("TOP 2: nicht öffentlicher Teil");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("Tagesordnung bearbeiten");
    expect(text).toContain("28.03.2030, 17:00 – 19:00 Uhr");
    await expectAccessible(visitor);
    const ics = await (await fetch(`${meetingUrl}/kalender.ics`)).text();
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20300328T170000");
    expect(ics).not.toContain(SECRET);
    await visitor.close();
  }, 90_000);

  it("shows AT/0014/2025 with its Gremienweg and ST/0020/2025 as a printable council document", async () => {
    const page = await browser.newPage();
    const errors = collectBrowserErrors(page);
    await page.goto(`${server.url}/vorlagen`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "AT/0014/2025" }).click();
    await page.getByRole("heading", { level: 1, name: "Antrag" }).waitFor();
    await pageSettled(page);
    const table = page.getByRole("table", { name: "Gremienweg mit Ergebnis" });
    expect(await table.getByRole("row").nth(1).innerText()).toMatch(/06\.02\.2025\s+Stadtrat[\s\S]*Kenntnis/);
    expect(await page.locator("main").innerText()).toContain("4. Sitzung des Digitalbeirats");
    await expectAccessible(page);
    await page.getByRole("link", { name: /ST\/0020\/2025/ }).click();
    await page.getByRole("heading", { level: 1, name: "Stellungnahme" }).waitFor();
    await pageSettled(page);
    const document = await page.locator("article").innerText();
    for (const part of [
      "zum Antrag Nr. AT/0014/2025",
      "ST/0020/2025",
      "05.02.2025",
      "Dezernat 1",
      "10-Amt für Personal und Organisation",
      "293 Verwaltungsleistungen",
      "Beschlussempfehlung",
      "Haupt- und Finanzausschuss",
    ]) {
      expect(document).toContain(part);
    }
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("link", { name: "Vorlage bearbeiten" }).count()).toBe(0);
    expect(await page.locator("nav.no-print").first().isVisible()).toBe(false);
    expect(await page.getByText("293 Verwaltungsleistungen").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
