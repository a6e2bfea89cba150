import { describe, expect, it } from "vitest";
import { demoLogin, expectAccessible, server, signedInPage, useDemoServerAndBrowser } from "../support/e2e";

const expert = demoLogin("expert");

useDemoServerAndBrowser();

// Browser steps on a loaded two-core machine (sign-ins hash with argon2) need more than the default 30 s.
describe("proposal comments in a real browser", { timeout: 120_000 }, () => {
  it("an expert reads a proposal's discussion, comments on it and finds the comment on the proposal page", { timeout: 180_000 }, async () => {
    const { page, context, errors } = await signedInPage(expert.email, expert.password, { timeout: 20_000 });

    await page.goto(`${server.url}/bewertungsrunden`);
    await page.getByRole("link", { name: "Chatbot-Anbieter 2025" }).click();
    await page.getByRole("link", { name: "KommunalBot Cloud" }).click();
    await page.getByRole("heading", { level: 1, name: "KommunalBot Cloud", exact: true }).waitFor();
    const discussion = page.getByRole("region", { name: "Diskussion zu diesem Vorschlag" });
    await discussion.getByRole("article", { name: "Beitrag von Jonas Wagner" }).getByText("CLOUD Act").waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);

    await discussion.getByLabel("Ihr Beitrag (Markdown)").fill("Die Tauschbarkeit des Modells ist **Bedingung** für eine Empfehlung.");
    await Promise.all([
      page.waitForURL(/\/themen\/vorschlag-kommunalbot-cloud-[^#]*#comment-\d+$/),
      discussion.getByRole("button", { name: "Beitrag veröffentlichen" }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: "Vorschlag „KommunalBot Cloud“ (Chatbot-Anbieter 2025)" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);

    await page.getByRole("link", { name: "KommunalBot Cloud", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "KommunalBot Cloud", exact: true }).waitFor();
    const mine = discussion.getByRole("article", { name: "Beitrag von Dr. Anna Keller" }).filter({ hasText: "Tauschbarkeit" });
    await mine.locator("strong", { hasText: "Bedingung" }).waitFor();
    expect(await mine.count()).toBe(1);
    await discussion.getByRole("link", { name: "Zur vollständigen Diskussion" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
