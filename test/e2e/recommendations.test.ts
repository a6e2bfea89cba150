import { describe, expect, it } from "vitest";
import { DEMO_MORE_EXPERTS, DEMO_MORE_EXPERTS_PASSWORD } from "../../db/seed/accounts";
import { pageSettled } from "../support/browser";
import { browser, demoLogin, expectAccessible, server, signedInPage, useDemoServerAndBrowser } from "../support/e2e";

const TITLE = "Open-Data-Portal: Verkehrsdaten zuerst";

useDemoServerAndBrowser();

async function as(email: string, password: string) {
  return (await signedInPage(email, password)).page;
}

async function vote(email: string, password: string, path: string, choice: string) {
  const page = await as(email, password);
  await page.goto(`${server.url}${path}`);
  await page.getByLabel(choice, { exact: true }).check();
  await page.getByRole("button", { name: "Stimme abgeben" }).click();
  await page.getByText("Ihre bisherige Stimme").waitFor();
  await page.context().close();
}

// Browser steps on a loaded two-core machine (sign-ins hash with argon2) need more than the default 30 s.
describe("recommendation from draft through vote to the public page", { timeout: 120_000 }, () => {
  let path = "";

  it("lets an expert draft one, with a clear error for an unknown paper", async () => {
    const page = await as(demoLogin("expert").email, demoLogin("expert").password);
    await page.goto(`${server.url}/empfehlungen/neu`);
    await expectAccessible(page);
    await page.getByLabel("Titel").fill(TITLE);
    await page.getByLabel("Text der Empfehlung (Markdown)").fill("Der Digitalbeirat empfiehlt, **zuerst** die Verkehrsdaten zu veröffentlichen.");
    await page.getByLabel("Vorlagen, auf die sich die Empfehlung bezieht").fill("AT/9999/2025");
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    const papers = page.getByLabel("Vorlagen, auf die sich die Empfehlung bezieht");
    await page.getByText("Die Vorlage AT/9999/2025 gibt es nicht.").waitFor();
    expect(await papers.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await papers.fill("");
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    path = new URL(page.url()).pathname;
    expect(path).toMatch(/^\/empfehlungen\/\d+$/);
    await expectAccessible(page);
    await page.context().close();
  });

  it("lets staff put it to the vote and experts vote", async () => {
    const staff = await as(demoLogin("staff").email, demoLogin("staff").password);
    await staff.goto(`${server.url}${path}`);
    await staff.getByLabel("Abstimmung offen bis").fill("2099-12-31T18:00");
    await staff.getByRole("button", { name: "Zur Abstimmung stellen" }).click();
    await staff.getByText("Die Abstimmung ist offen bis 31.12.2099").waitFor();
    await expectAccessible(staff);
    await vote(demoLogin("expert").email, demoLogin("expert").password, path, "Ja");
    await vote(DEMO_MORE_EXPERTS[0].email, DEMO_MORE_EXPERTS_PASSWORD, path, "Ja");
    await vote(DEMO_MORE_EXPERTS[1].email, DEMO_MORE_EXPERTS_PASSWORD, path, "Enthaltung");
    await staff.reload();
    await staff.getByText("Bisher haben 3 Mitglieder abgestimmt.").waitFor();
    await staff.getByRole("button", { name: "Abstimmung schließen und auszählen" }).click();
    await staff.getByText("angenommen, einstimmig").first().waitFor();
    await staff.getByLabel("Auch öffentlich zeigen (für alle Besucherinnen und Besucher)").check();
    await staff.getByRole("button", { name: "Für den Stadtrat veröffentlichen" }).click();
    await staff.getByText("Veröffentlicht am").waitFor();
    await expectAccessible(staff);
    await staff.context().close();
  });

  it("shows the published recommendation to visitors: list, page, print view and feed", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/empfehlungen`);
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await pageSettled(page);
    expect(await page.getByRole("table", { name: "Abstimmungsergebnis" }).textContent()).toContain("JaNeinEnthaltungenBefangen2010");
    expect(await page.getByText("Kommentare des Beirats").count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Druckansicht" }).click();
    await page.getByText("An den Stadtrat der Stadt Koblenz").waitFor();
    await pageSettled(page);
    expect(await page.getByText(/EM\/\d{4}\/\d{4}/).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    const feed = await (await fetch(`${server.url}/empfehlungen.atom`)).text();
    expect(feed).toContain(TITLE);
    await page.goto(`${server.url}/suche?q=Verkehrsdaten`);
    await page.getByRole("link", { name: new RegExp(`EM/\\d{4}/\\d{4}: ${TITLE}`) }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("keeps the demo draft from visitors and council members but shows it to the board", async () => {
    const visitor = await (await fetch(`${server.url}/empfehlungen`)).text();
    expect(visitor).toContain("Chatbot „Schängel“: zunächst als Pilot");
    expect(visitor).not.toContain("KI-Plattform: Teststellung mit messbaren");
    const published = await (await fetch(`${server.url}/empfehlungen/1`)).text();
    expect(published).toContain("AT/0014/2025");
    // The chatbot topic is board-internal and rating rounds are board-only: not linked for visitors.
    expect(published).not.toContain("/bewertungsrunden/");
    expect(published).not.toContain("/themen/chatbot-schaengel");
    const paperPage = await browser.newPage();
    await paperPage.goto(`${server.url}/vorlagen/ST-0020-2025`);
    await paperPage.getByRole("heading", { name: "Empfehlungen des Digitalbeirats zu dieser Vorlage" }).waitFor();
    await paperPage.getByRole("link", { name: /EM\/0001\/2025: Chatbot „Schängel“/ }).waitFor();
    expect(await paperPage.content()).not.toContain("KI-Plattform: Teststellung mit messbaren");
    await expectAccessible(paperPage);
    await paperPage.close();
    const council = await as(demoLogin("council").email, demoLogin("council").password);
    await council.goto(`${server.url}/empfehlungen`);
    expect(await council.content()).not.toContain("KI-Plattform: Teststellung mit messbaren");
    await council.goto(`${server.url}/`);
    await council.getByRole("heading", { name: "Empfehlungen des Digitalbeirats" }).waitFor();
    await expectAccessible(council);
    await council.context().close();
    const expert = await as(demoLogin("expert").email, demoLogin("expert").password);
    await expert.goto(`${server.url}/empfehlungen/1`);
    await expert.getByRole("link", { name: "Chatbot-Anbieter 2025" }).waitFor();
    await expert.goto(`${server.url}/empfehlungen`);
    await expert.getByRole("link", { name: "KI-Plattform: Teststellung mit messbaren Erfolgskriterien begleiten" }).click();
    await expert.getByRole("heading", { name: "Kommentare des Beirats" }).waitFor();
    await expectAccessible(expert);
    await expert.getByRole("link", { name: "Fassungen vergleichen" }).click();
    await expert.getByRole("heading", { name: "Unterschiede zwischen Fassung 1 und 2" }).waitFor();
    await pageSettled(expert);
    expect(await expert.locator("ins").count()).toBeGreaterThan(0);
    await expectAccessible(expert);
    await expert.context().close();
  });
});
