import { describe, expect, it } from "vitest";
import { pageSettled } from "../support/browser";
import { browser, demoLogin, expectAccessible, server, signedInPage, useDemoServerAndBrowser } from "../support/e2e";
import { XSS_PAYLOADS } from "../integration/topics/topics-xss-corpus";

const expert = demoLogin("expert");
const CHATBOT = "/themen/chatbot-schaengel-fuer-die-buergerkommunikation";

useDemoServerAndBrowser();

// Browser steps on a loaded two-core machine (sign-ins hash with argon2) need more than the default 30 s.
describe("topics in a real browser", { timeout: 120_000 }, () => {
  it("opens a topic, comments with live preview, replies, edits, sees the history and finds it by search", { timeout: 180_000 }, async () => {
    const { page, context, errors } = await signedInPage(expert.email, expert.password, { timeout: 20_000 });
    await page.goto(`${server.url}/`);
    expect(await page.getByRole("heading", { name: "Neues in Ihren Themen" }).count()).toBe(1);
    const followed = page.getByRole("region", { name: "Neues in Ihren Themen" });
    expect(await followed.getByRole("link", { name: "Chatbot „Schängel“ für die Bürgerkommunikation" }).count()).toBe(1);
    await page.goto(`${server.url}/themen`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Chatbot „Schängel“ für die Bürgerkommunikation" }).click();
    await page.getByRole("heading", { level: 1, name: "Chatbot „Schängel“ für die Bürgerkommunikation" }).waitFor();
    await pageSettled(page);
    expect(await page.getByText("Dr. Anna Keller").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    const editor = page.getByLabel("Ihr Beitrag (Markdown)");
    await editor.fill("Vorschlag: **Testfragen** zur Müllabfuhr in Lützel sammeln.");
    await page.getByRole("region", { name: "Live-Vorschau" }).getByText("Testfragen").waitFor();
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.getByRole("button", { name: "Beitrag veröffentlichen" }).click()]);
    const commentId = /#comment-(\d+)$/.exec(page.url())![1];
    const comment = page.locator(`#comment-${commentId}`);
    await comment.getByText("Testfragen").waitFor();
    await page.waitForLoadState("networkidle");

    const thread = page.locator("li", { has: comment }).last();
    await thread.getByText("Antworten", { exact: false }).first().click();
    await thread.getByLabel("Ihre Antwort (Markdown)").fill("Gute Idee, ich ergänze Fragen zum Sperrmüll.");
    // The URL already ends in the first comment's anchor: wait for the reply's own anchor.
    await Promise.all([
      page.waitForURL((url) => /^#comment-\d+$/.test(url.hash) && url.hash !== `#comment-${commentId}`),
      thread.getByRole("button", { name: "Antwort veröffentlichen" }).click(),
    ]);
    await page.getByText("Gute Idee, ich ergänze Fragen zum Sperrmüll.").waitFor();

    await page.waitForLoadState("networkidle");
    await page
      .locator(`#comment-${commentId}`)
      .getByRole("link", { name: /Bearbeiten/ })
      .click();
    await page.getByRole("heading", { name: "Beitrag bearbeiten" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Ihr Beitrag (Markdown)").fill("Vorschlag: **Testfragen** zur Müllabfuhr in Lützel und Metternich sammeln.");
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.getByRole("button", { name: "Änderung speichern" }).click()]);
    const edited = page.locator(`#comment-${commentId}`);
    await edited.getByText("bearbeitet").waitFor();
    // On a busy machine hydration can lag; interact once the page's scripts (and the read mark) are done.
    await page.waitForLoadState("networkidle");
    await Promise.all([page.waitForURL(/\/verlauf$/), edited.getByRole("link", { name: /Verlauf/ }).click()]);
    await page
      .getByRole("heading", { name: "Verlauf des Beitrags" })
      .waitFor()
      .catch(async (error) => {
        throw new Error(`${error}\n${page.url()}\n${errors.join("\n")}\n${(await page.locator("main").innerHTML()).slice(0, 800)}`);
      });
    await pageSettled(page);
    expect(await page.getByRole("heading", { level: 2, name: /Fassung/ }).count()).toBe(2);
    expect(await page.getByText("Lützel und Metternich").count()).toBe(1);
    await expectAccessible(page);

    await page.goto(`${server.url}/suche`);
    await page.getByLabel("Suchbegriff").fill("Metternichs Müllabfuhr");
    await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: "Suchen" }).click()]);
    await page.getByRole("heading", { name: /Treffer/ }).waitFor();
    await pageSettled(page);
    expect(await page.locator("mark", { hasText: "Metternich" }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.locator("ol li a", { hasText: "Chatbot „Schängel“" }).first().click();
    await page.waitForURL(new RegExp(`${CHATBOT}\\?seite=1#comment-\\d+$`));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows no dialog and no executable markup for the XSS corpus", { timeout: 180_000 }, async () => {
    const { page, context, errors } = await signedInPage(expert.email, expert.password, { timeout: 20_000 });
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const topic = `${server.url}/themen/ozg-die-naechsten-leistungen`;
    for (const payload of XSS_PAYLOADS) {
      // Not a browser form: like any script it must name its origin (decision 071).
      const response = await page.request.post(`${topic}?index`, {
        form: { intent: "comment", body: payload },
        headers: { Origin: server.url },
        maxRedirects: 0,
      });
      expect(response.status(), payload).toBe(302);
    }
    for (const pageNumber of [1, 2]) {
      await page.goto(`${topic}?seite=${pageNumber}`);
      await page.waitForLoadState("networkidle");
      const active = await page.evaluate(() => {
        const found: string[] = [];
        for (const element of document.querySelectorAll(".prose-md *")) {
          if (
            ![
              "P",
              "BR",
              "HR",
              "STRONG",
              "EM",
              "DEL",
              "CODE",
              "PRE",
              "BLOCKQUOTE",
              "UL",
              "OL",
              "LI",
              "A",
              "H1",
              "H2",
              "H3",
              "H4",
              "H5",
              "H6",
              "TABLE",
              "THEAD",
              "TBODY",
              "TR",
              "TH",
              "TD",
            ].includes(element.tagName)
          )
            found.push(element.tagName);
          for (const attribute of element.getAttributeNames()) if (attribute.startsWith("on")) found.push(`${element.tagName}[${attribute}]`);
          const href = element.getAttribute("href");
          if (href && !/^(https?:|mailto:|\/|#)/i.test(href.trim()) && /^[a-z][a-z0-9+.-]*:/i.test(href.replace(/[\s\u0000-\u001f]/g, "")))
            found.push(`href=${href}`);
        }
        return found;
      });
      expect(active).toEqual([]);
      // The payloads really are on the page, as text.
      expect(await page.locator("article[id^=comment-]").count()).toBeGreaterThan(pageNumber === 1 ? 49 : XSS_PAYLOADS.length - 50);
    }
    await page.goto(`${server.url}/suche?q=alert`);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("mark", { hasText: "alert" }).count()).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows visitors the public topic only, read-only", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/themen`);
    expect(await page.getByRole("link", { name: "OZG: die nächsten Leistungen" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: /Chatbot/ }).count()).toBe(0);
    const response = await page.goto(`${server.url}${CHATBOT}`);
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
    await page.goto(`${server.url}/themen/ozg-die-naechsten-leistungen`);
    expect(await page.getByText("293 Verwaltungsleistungen vollständig digital").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Melden Sie sich an, um mitzudiskutieren." }).count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  });
});
