import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEMO_LOGINS } from "../../db/seed/accounts";
import { axeViolations, describeViolations, launchBrowser, signInThroughForm } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
const expert = DEMO_LOGINS.find((login) => login.role === "expert")!;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject("pgTemplate"), { demo: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAxeClean(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

// Browser steps on a loaded two-core machine (sign-ins hash with argon2) need more than the default 30 s.
describe("proposal comments in a real browser", { timeout: 120_000 }, () => {
  it("an expert reads a proposal's discussion, comments on it and finds the comment on the proposal page", { timeout: 180_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    await signInThroughForm(page, server.url, expert.email, expert.password);

    await page.goto(`${server.url}/bewertungsrunden`);
    await page.getByRole("link", { name: "Chatbot-Anbieter 2025" }).click();
    await page.getByRole("link", { name: "KommunalBot Cloud" }).click();
    await page.getByRole("heading", { level: 1, name: "KommunalBot Cloud", exact: true }).waitFor();
    const discussion = page.getByRole("region", { name: "Diskussion zu diesem Vorschlag" });
    await discussion.getByRole("article", { name: "Beitrag von Jonas Wagner" }).getByText("CLOUD Act").waitFor();
    await page.waitForLoadState("networkidle");
    await expectAxeClean(page);

    await discussion.getByLabel("Ihr Beitrag (Markdown)").fill("Die Tauschbarkeit des Modells ist **Bedingung** für eine Empfehlung.");
    await Promise.all([
      page.waitForURL(/\/themen\/vorschlag-kommunalbot-cloud-[^#]*#comment-\d+$/),
      discussion.getByRole("button", { name: "Beitrag veröffentlichen" }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: "Vorschlag „KommunalBot Cloud“ (Chatbot-Anbieter 2025)" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectAxeClean(page);

    await page.getByRole("link", { name: "KommunalBot Cloud", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "KommunalBot Cloud", exact: true }).waitFor();
    const mine = discussion.getByRole("article", { name: "Beitrag von Dr. Anna Keller" }).filter({ hasText: "Tauschbarkeit" });
    await mine.locator("strong", { hasText: "Bedingung" }).waitFor();
    expect(await mine.count()).toBe(1);
    await discussion.getByRole("link", { name: "Zur vollständigen Diskussion" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectAxeClean(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
