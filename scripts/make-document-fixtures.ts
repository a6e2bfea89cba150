// Writes the PDF fixtures of the text-extraction tests (test/fixtures/documents/), once, with
// Chromium's print-to-PDF: a three-page PDF with a text layer and an image-only "scan".
// Run: npx tsx scripts/make-document-fixtures.ts (needs /usr/bin/chromium).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const OUT = path.resolve(import.meta.dirname, "../test/fixtures/documents");

const textPages = [
  "<h1>Beschlussvorlage Glasfaserausbau</h1><p>Die Größe der Übersicht für Straßen und Plätze wird geprüft.</p>",
  "<h2>Zweite Seite</h2><p>Maßnahmen für öffentliche Gebäude und Schulen.</p>",
  "<h2>Dritte Seite</h2><p>Schlussbemerkung Zwiebelturm.</p>",
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.setContent(textPages.map((html) => `<section style="break-after: page">${html}</section>`).join(""));
  writeFileSync(path.join(OUT, "text.pdf"), await page.pdf({ format: "A4" }));

  // A "scanned" page: text rendered to a PNG, the PDF holds only that image.
  await page.setViewportSize({ width: 600, height: 200 });
  await page.setContent("<p style='font: 24px sans-serif'>Eingescannte Seite ohne Textebene</p>");
  const png = await page.screenshot({ type: "png" });
  await page.setContent(`<img alt="" src="data:image/png;base64,${png.toString("base64")}">`);
  writeFileSync(path.join(OUT, "scan.pdf"), await page.pdf({ format: "A4" }));
} finally {
  await browser.close();
}
