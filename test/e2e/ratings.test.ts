import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pageSettled } from "../support/browser";
import { demoLogin, expectAccessible, server, signedInPage, useDemoServerAndBrowser } from "../support/e2e";

useDemoServerAndBrowser();

async function signedIn(role: string): Promise<Page> {
  return (await signedInPage(demoLogin(role).email, demoLogin(role).password, { timeout: 10_000 })).page;
}

/** From the round page into the scoring form of one proposal. */
async function openProposal(page: Page, title: string) {
  await page.getByRole("heading", { level: 1, name: /^Bewerten:/ }).waitFor();
  await page
    .getByRole("navigation", { name: "Vorschläge dieser Runde" })
    .getByRole("link", { name: new RegExp(title) })
    .click();
  await page.getByRole("heading", { level: 2, name: new RegExp(title) }).waitFor();
}

// Browser steps on a loaded two-core machine (sign-ins hash with argon2) need more than the default 30 s.
describe("rating round in a real browser", { timeout: 120_000 }, () => {
  it("lets an expert score, save partially and resume; staff close; results and chart appear", async () => {
    const expert = await signedIn("expert");
    await expert.goto(`${server.url}/bewertungsrunden`);
    await expectAccessible(expert);
    await expert.getByRole("link", { name: "KI-Plattform für die Teststellung" }).click();
    await expert.getByText("7 von 12 Bewertungen").waitFor();
    await expert.getByRole("link", { name: "Bewertung fortsetzen" }).click();
    await openProposal(expert, "Multimodal Suite");
    await expectAccessible(expert);

    const group = (name: string) => expert.getByRole("group", { name: new RegExp(name) });
    await group("Dokumentenverarbeitung").getByLabel("Punkte (0 bis 10)").selectOption("6");
    await group("Audio, Bild und Video").getByLabel("Punkte (0 bis 10)").selectOption("10");
    await expert.getByRole("button", { name: "Zwischenspeichern" }).click();
    // 10 points without a reason: refused, the choice stays in the form
    await expert.getByText("Bei weniger als 3 oder mehr als 8 Punkten ist eine Begründung Pflicht.").waitFor();
    expect(await group("Audio, Bild und Video").getByLabel("Punkte (0 bis 10)").inputValue()).toBe("10");
    await expectAccessible(expert);
    await group("Audio, Bild und Video").getByLabel("Begründung").fill("Transkription und Videozusammenfassung im Test überzeugend.");
    await expert.getByRole("button", { name: "Zwischenspeichern" }).click();
    await expert.getByText("Ihre Bewertungen wurden gespeichert.").waitFor();
    await expert.getByText("9 von 12 Bewertungen").waitFor();

    // resume later: the saved values come back
    await expert.goto(`${server.url}/bewertungsrunden`);
    await expert.getByRole("link", { name: "KI-Plattform für die Teststellung" }).click();
    await expert.getByRole("link", { name: "Bewertung fortsetzen" }).click();
    await openProposal(expert, "Multimodal Suite");
    expect(await group("Dokumentenverarbeitung").getByLabel("Punkte (0 bis 10)").inputValue()).toBe("6");
    expect(await group("Audio, Bild und Video").getByLabel("Begründung").inputValue()).toContain("Videozusammenfassung");

    const staff = await signedIn("staff");
    await staff.goto(`${server.url}/bewertungsrunden`);
    await staff.getByRole("link", { name: "KI-Plattform für die Teststellung" }).click();
    await staff.getByText(/von 5 Beiratsmitgliedern sind fertig/).waitFor();
    await expectAccessible(staff);
    await staff.getByRole("button", { name: "Runde jetzt abschließen" }).click();
    await staff.getByRole("link", { name: "Ergebnisse", exact: true }).click();
    await staff.getByRole("heading", { level: 1, name: /Ergebnisse: KI-Plattform/ }).waitFor();
    await pageSettled(staff);
    expect(await staff.locator('svg[role="img"] title').textContent()).toBe("Nutzwerte und Kriterienprofil");
    expect(await staff.getByRole("table", { name: /Gewichteter Nutzwert/ }).count()).toBe(1);
    await expectAccessible(staff);

    await expert.goto(`${server.url}/bewertungsrunden`);
    await expert.getByRole("link", { name: "Chatbot-Anbieter 2025" }).click();
    await expert.getByRole("link", { name: "Ergebnisse", exact: true }).click();
    await expert.getByText(/Stefan Hoffmann – befangen für Moselbyte Bürgerchat/).waitFor();
    await expectAccessible(expert);
    await expert.getByRole("link", { name: "Sensitivitätsanalyse" }).click();
    await expert.getByRole("table", { name: /Rangfolge bei veränderten Gewichten/ }).waitFor();
    await expectAccessible(expert);
  }, 120_000);

  it("runs a round from setup to results through the forms", async () => {
    const staff = await signedIn("staff");
    await staff.goto(`${server.url}/bewertungsrunden/neu`);
    await staff.getByLabel("Titel").fill("Videokonferenz-Lösung 2025");
    await staff.getByLabel("Rangfolge nach").selectOption("median");
    await staff.getByRole("button", { name: "Runde anlegen" }).click();
    await staff.getByRole("heading", { level: 1, name: /Runde einrichten/ }).waitFor();
    for (const [title, vendor] of [
      ["Konferenz Rhein", "Rhein-Video GmbH"],
      ["Mosel Meet", "Moselbyte Software"],
    ]) {
      await staff.getByLabel("Bezeichnung").fill(title);
      await staff.getByLabel("Anbieter").fill(vendor);
      await staff.locator("#proposal-hostingLocation").fill("Koblenz");
      await staff.getByRole("button", { name: "Vorschlag hinzufügen" }).click();
      await staff.getByRole("link", { name: title }).waitFor();
    }
    await staff.locator("#criterion-title").fill("Datenschutz");
    await staff.locator("#criterion-weight").fill("100");
    await staff.getByRole("button", { name: "Kriterium hinzufügen", exact: true }).click();
    await staff.getByText("Summe der Gewichte: 100 %").waitFor();
    await expectAccessible(staff);
    await staff.getByRole("link", { name: "Zurück zur Runde" }).click();
    await staff.getByLabel("Bewertungsschluss (Datum und Uhrzeit)").fill("2099-03-31T18:00");
    await staff.getByRole("button", { name: "Runde öffnen" }).click();
    await staff.getByText("offen", { exact: true }).waitFor();
    const roundUrl = staff.url();

    const expert = await signedIn("expert");
    await expert.goto(`${roundUrl}/bewerten`);
    await openProposal(expert, "Konferenz Rhein");
    await expert.getByLabel("Punkte (0 bis 10)").selectOption("7");
    await expert.getByRole("button", { name: "Zwischenspeichern" }).click();
    await expert.getByText("1 von 2 Bewertungen").waitFor();
    await openProposal(expert, "Mosel Meet");
    await expert.getByLabel("Punkte (0 bis 10)").selectOption("5");
    await expert.getByRole("button", { name: "Zwischenspeichern" }).click();
    await expert.getByText("2 von 2 Bewertungen").waitFor();

    await staff.goto(roundUrl);
    await staff.getByText("1 von 5 Beiratsmitgliedern sind fertig.").waitFor();
    await staff.getByRole("button", { name: "Runde jetzt abschließen" }).click();
    await staff.getByRole("link", { name: "Ergebnisse", exact: true }).click();
    await staff.getByRole("heading", { level: 1, name: /Ergebnisse:/ }).waitFor();
    await pageSettled(staff);
    const firstRow = staff
      .getByRole("table", { name: /Gewichteter Nutzwert/ })
      .getByRole("row")
      .nth(1);
    expect(await firstRow.textContent()).toContain("Konferenz Rhein");
    expect(await firstRow.textContent()).toContain("7,00");
  }, 120_000);

  it("keeps council members out", async () => {
    const council = await signedIn("council");
    const response = await council.goto(`${server.url}/bewertungsrunden`);
    expect(response?.status()).toBe(403);
    await expectAccessible(council);
  });
});
