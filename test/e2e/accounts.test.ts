import { describe, expect, it } from "vitest";
import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { signInThroughForm } from "../support/browser";
import { browser, demoLogin, expectAccessible, server, submit, useDemoServerAndBrowser } from "../support/e2e";

const admin = demoLogin("admin");
const STAFF_INVITEE = { email: "neue.verwaltung@example.org", name: "Jana Schmitt", password: "Schaengel-Brunnen-Koblenz-1940" };

/** The code an authenticator app shows for this base32 secret (offset in 30-second steps). */
function totp(secret: string, offset = 0) {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}
const INVITEE = {
  email: "neue.expertin@example.org",
  name: "Dr. Lena Vogt",
  organisation: "Universität Koblenz",
  password: "Festung-Ehrenbreitstein-1817",
  next: "Deutsches-Eck-Kaiser-1897",
};

useDemoServerAndBrowser();

/** The admin, signed in with JavaScript off, on the invitations page. */
async function adminInvitationsWithoutJs() {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInThroughForm(page, server.url, admin.email, admin.password);
  await page.goto(`${server.url}/admin/einladungen`);
  return { context, page };
}

// Browser steps on a loaded two-core machine (sign-ins hash with argon2) need more than the default 30 s.
describe("accounts in a real browser", { timeout: 120_000 }, () => {
  let link = "";

  it("an admin invites an expert and sees the link to pass on", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughForm(page, server.url, admin.email, admin.password);
    await page.goto(`${server.url}/admin`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Einladungen" }).click();
    await page.getByRole("heading", { name: "Einladungen", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("E-Mail-Adresse").fill(INVITEE.email);
    await page.getByLabel("Rolle").selectOption("expert");
    await submit(page, "Einladung erstellen");
    await page.getByRole("heading", { name: "Einladung erstellt" }).waitFor();
    link = await page.getByLabel("Einladungslink").inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/einladung/[a-z2-7]{52}$`));
    const rows = page.locator("tbody tr", { hasText: INVITEE.email });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await expectAccessible(page);
    for (const path of ["/admin/konten", "/admin/protokoll"]) {
      await page.goto(`${server.url}${path}`);
      await expectAccessible(page);
    }
    expect(await page.getByRole("cell", { name: "Einladung erstellt" }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it("the invitee accepts in a fresh browser, signs in again, changes the password and sees the sessions", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    await expectAccessible(page);
    await page.getByLabel("Name", { exact: true }).fill(INVITEE.name);
    await page.getByLabel("Organisation (optional)").fill(INVITEE.organisation);
    await page.getByLabel("Passwort", { exact: true }).fill("zu-kurz");
    await page.getByLabel("Passwort wiederholen").fill("zu-kurz");
    await submit(page, "Konto anlegen und anmelden");
    await page.getByText("Das Passwort muss mindestens 12 Zeichen lang sein.").waitFor();
    expect(await page.getByLabel("Passwort", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe(INVITEE.name);
    await expectAccessible(page);
    await page.getByLabel("Passwort", { exact: true }).fill(INVITEE.password);
    await page.getByLabel("Passwort wiederholen").fill(INVITEE.password);
    await Promise.all([page.waitForURL(`${server.url}/`), page.getByRole("button", { name: "Konto anlegen und anmelden" }).click()]);
    await page.getByRole("link", { name: `${INVITEE.name} (Beiratsmitglied)` }).waitFor();

    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByRole("link", { name: "Anmelden" }).waitFor();
    await signInThroughForm(page, server.url, INVITEE.email, INVITEE.password);

    await page.goto(`${server.url}/konto/passwort`);
    await expectAccessible(page);
    await page.getByLabel("Aktuelles Passwort").fill(INVITEE.password);
    await page.getByLabel("Neues Passwort", { exact: true }).fill(INVITEE.next);
    await page.getByLabel("Neues Passwort wiederholen").fill(INVITEE.next);
    await submit(page, "Passwort ändern");
    await page.getByText("Ihr Passwort wurde geändert.").waitFor();
    await expectAccessible(page);

    await page.goto(`${server.url}/konto`);
    const sessions = page.getByRole("table", { name: "Ihre aktiven Sitzungen, zuletzt genutzte zuerst" });
    expect(await sessions.getByRole("row").count()).toBe(2);
    expect(await sessions.locator("strong", { hasText: "(diese Sitzung)" }).count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`${server.url}/konto/loeschen`);
    await expectAccessible(page);
    await context.close();

    const fresh = await browser.newContext();
    const check = await fresh.newPage();
    await signInThroughForm(check, server.url, INVITEE.email, INVITEE.next);
    await check.getByRole("link", { name: `${INVITEE.name} (Beiratsmitglied)` }).waitFor();
    await fresh.close();
  });

  it("a used link shows a clear page with status 410", async () => {
    const page = await browser.newPage();
    const response = await page.goto(link);
    expect(response?.status()).toBe(410);
    await page.getByRole("heading", { name: "Einladung bereits verwendet" }).waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it("invite, revoke and edit the profile work without JavaScript", async () => {
    const { context, page } = await adminInvitationsWithoutJs();
    await page.getByLabel("E-Mail-Adresse").fill("ohne-js@example.org");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Einladung erstellen" }).click()]);
    await page.getByRole("heading", { name: "Einladung erstellt" }).waitFor();
    await page.getByRole("button", { name: "Widerrufen: ohne-js@example.org" }).click();
    await page.getByText("Die Einladung wurde widerrufen.").waitFor();
    expect(await page.locator("tbody tr", { hasText: "ohne-js@example.org" }).count()).toBe(0);
    await page.goto(`${server.url}/konto`);
    await page.getByLabel("Organisation (optional)").fill("Stadtverwaltung Koblenz, Amt 10");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("Ihr Profil wurde gespeichert.").waitFor();
    expect(await page.getByLabel("Organisation (optional)").inputValue()).toBe("Stadtverwaltung Koblenz, Amt 10");
    await context.close();
  });

  it("an invited staff member sets up the second factor and signs in with it, without JavaScript", async () => {
    const { context: adminContext, page: adminPage } = await adminInvitationsWithoutJs();
    await adminPage.getByLabel("E-Mail-Adresse").fill(STAFF_INVITEE.email);
    await adminPage.getByLabel("Rolle").selectOption("staff");
    await Promise.all([adminPage.waitForLoadState("load"), adminPage.getByRole("button", { name: "Einladung erstellen" }).click()]);
    const staffLink = await adminPage.getByLabel("Einladungslink").inputValue();
    await adminContext.close();

    // axe needs JavaScript in the page, so this no-script run checks the flow, not the markup.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(staffLink);
    await page.getByLabel("Name", { exact: true }).fill(STAFF_INVITEE.name);
    await page.getByLabel("Passwort", { exact: true }).fill(STAFF_INVITEE.password);
    await page.getByLabel("Passwort wiederholen").fill(STAFF_INVITEE.password);
    await Promise.all([page.waitForURL(`${server.url}/login/einrichten`), page.getByRole("button", { name: "Konto anlegen und anmelden" }).click()]);
    await page.getByRole("heading", { name: "Zwei-Faktor-Anmeldung einrichten", level: 1 }).waitFor();
    expect(await page.getByRole("img", { name: "QR-Code für die Authenticator-App" }).locator("svg").count()).toBe(1);
    const secret = (await page.locator("code.select-all").innerText()).replace(/\s/g, "");
    await page.getByLabel("Code aus der App").fill(totp(secret));
    await page.getByRole("button", { name: "Einrichten" }).click();
    await page.getByRole("heading", { name: "Ihre Wiederherstellungscodes" }).waitFor();
    await page.getByRole("link", { name: "Weiter zum Portal" }).click();
    await page.getByRole("link", { name: `${STAFF_INVITEE.name} (Verwaltung)` }).waitFor();
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByRole("link", { name: "Anmelden" }).waitFor();

    await page.goto(`${server.url}/login`);
    await page.getByLabel("E-Mail-Adresse").fill(STAFF_INVITEE.email);
    await page.getByLabel("Passwort").fill(STAFF_INVITEE.password);
    await Promise.all([page.waitForURL(`${server.url}/login/zweiter-faktor`), page.getByRole("button", { name: "Anmelden" }).click()]);
    // The next 30-second step: the code used for the enrolment is not accepted twice.
    await page.getByLabel("Code aus der App").fill(totp(secret, 1));
    await page.getByRole("button", { name: "Bestätigen" }).click();
    await page.getByRole("link", { name: `${STAFF_INVITEE.name} (Verwaltung)` }).waitFor();
    await context.close();
  });

  it("the legal pages are reachable from the footer and accessible", async () => {
    const page = await browser.newPage();
    for (const [label, heading] of [
      ["Impressum", "Impressum"],
      ["Datenschutz", "Datenschutzerklärung"],
      ["Erklärung zur Barrierefreiheit", "Erklärung zur Barrierefreiheit"],
    ]) {
      await page.goto(server.url);
      await page.getByRole("contentinfo").getByRole("link", { name: label }).click();
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectAccessible(page);
    }
    await page.close();
  });
});
