import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pageSettled } from "../support/browser";
import { browser, demoLogin, expectAccessible, server, signedInPage, useDemoServerAndBrowser } from "../support/e2e";
import { pdfBytes } from "../integration/documents/document-helpers";

// The full Chromium: the demo PDF is opened in its PDF viewer below.
useDemoServerAndBrowser(undefined, { pdfViewer: true });

async function signedIn(role: string) {
  return (await signedInPage(demoLogin(role).email, demoLogin(role).password)).page;
}

async function upload(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const form = page.locator("form", { has: page.getByRole("button", { name: "Hochladen", exact: true }) });
  await form.getByLabel("Bezeichnung").fill(label);
  await form.getByLabel("Datei", { exact: true }).setInputFiles(file);
  await form.getByRole("button", { name: "Hochladen", exact: true }).click();
  await page.getByText("Das Dokument wurde gespeichert.").waitFor();
  await pageSettled(page);
}

/** Pages the built-in PDF viewer shows ("/ 2" in its page selector), or null if it shows none. */
async function pdfViewerPages(page: Page) {
  for (let tries = 0; tries < 50; tries++) {
    const viewer = page.frames().find((frame) => frame.url().startsWith("chrome-extension://"));
    const text = await viewer
      ?.evaluate(
        () =>
          document.querySelector("pdf-viewer")?.shadowRoot?.querySelector("viewer-toolbar")?.shadowRoot?.querySelector("viewer-page-selector")?.shadowRoot
            ?.textContent ?? "",
      )
      .catch(() => "");
    const match = /\/\s*(\d+)/.exec(text ?? "");
    if (match && Number(match[1]) > 0) return Number(match[1]);
    await page.waitForTimeout(200);
  }
  return null;
}

describe("documents in a real browser", { timeout: 180_000 }, () => {
  it("staff attach a PDF to a paper; a visitor downloads it and it opens in the sandboxed viewer", async () => {
    const staff = await signedIn("staff");
    await staff.goto(`${server.url}/vorlagen/AT-0014-2025`);
    await pageSettled(staff);
    await expectAccessible(staff);
    await upload(staff, "Anlage 1 – Gutachten", { name: "Gutachten Übersicht.pdf", mimeType: "application/pdf", buffer: pdfBytes("Gutachten") });
    await expectAccessible(staff);
    const link = staff.getByRole("link", { name: "Anlage 1 – Gutachten" });
    const href = await link.getAttribute("href");

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}/vorlagen/AT-0014-2025`);
    await visitor.getByRole("link", { name: "Anlage 1 – Gutachten" }).waitFor();
    expect(await visitor.getByRole("button", { name: "Hochladen" }).count()).toBe(0);
    const response = await visitor.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toBe(`inline; filename="Gutachten Ubersicht.pdf"; filename*=UTF-8''Gutachten%20%C3%9Cbersicht.pdf`);
    expect(Buffer.from(await response.body()).equals(pdfBytes("Gutachten"))).toBe(true);
    // The demo's ST/0020/2025 (two pages, from the print view) under the download's sandbox policy.
    await visitor.goto(`${server.url}/vorlagen/ST-0020-2025`);
    const demoHref = await visitor.getByRole("link", { name: /Stellungnahme ST\/0020\/2025/ }).getAttribute("href");
    const opened = await visitor.goto(`${server.url}${demoHref}`);
    expect(await opened?.headerValue("content-security-policy")).toMatch(/sandbox$/);
    expect(await pdfViewerPages(visitor)).toBe(2);
  });

  it("staff attach an offer to a proposal of a draft round and find it by a word inside; experts do not, while the round is a draft", async () => {
    const staff = await signedIn("staff");
    await staff.goto(`${server.url}/bewertungsrunden/neu`);
    await staff.getByLabel("Titel").fill("Terminbuchung 2026");
    await staff.getByRole("button", { name: "Runde anlegen" }).click();
    await staff.getByRole("heading", { level: 1, name: /Runde einrichten/ }).waitFor();
    await staff.getByLabel("Bezeichnung").fill("Termin Rhein");
    await staff.getByLabel("Anbieter").fill("Rhein-Termin GmbH");
    await staff.getByRole("button", { name: "Vorschlag hinzufügen" }).click();
    const proposalUrl = await staff.getByRole("link", { name: "Termin Rhein" }).getAttribute("href");
    await staff.goto(`${server.url}${proposalUrl}`);
    await pageSettled(staff);
    await upload(staff, "Anlage 1 – Angebot", {
      name: "angebot.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Angebot Terminbuchung: Wartemarkenausgabe im Bürgerbüro, Schnittstelle zum Fachverfahren.\n"),
    });
    await expectAccessible(staff);
    await staff.getByRole("link", { name: "Anlage 1 – Angebot" }).waitFor();
    // The text job runs on the server's job runner: search once it has read the file.
    let found = false;
    for (let tries = 0; tries < 60 && !found; tries++) {
      await staff.goto(`${server.url}/suche?q=Wartemarkenausgabe`);
      found = (await staff.getByText("in Anlage „Anlage 1 – Angebot“").count()) > 0;
      if (!found) await staff.waitForTimeout(500);
    }
    expect(found).toBe(true);
    await expectAccessible(staff);
    // The round is still a draft: hidden from experts (decision 030), and so is its offer.
    const expert = await signedIn("expert");
    await expert.goto(`${server.url}/suche?q=Wartemarkenausgabe`);
    expect(await expert.getByText("in Anlage „Anlage 1 – Angebot“").count()).toBe(0);
  });
});
