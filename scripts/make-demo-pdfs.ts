// Makes the demo's PDFs once (they are committed under db/seed/files/): ST/0020/2025 from the
// paper's print view of a running demo portal, and a vendor's offer from a short HTML page.
// Usage: npx tsx scripts/make-demo-pdfs.ts [http://localhost:3000]
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { OFFER_TEXT } from "../db/seed/documents";

const base = process.argv[2] ?? "http://localhost:3000";
const out = new URL("../db/seed/files/", import.meta.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  const response = await page.goto(`${base}/vorlagen/ST-0020-2025`);
  if (response?.status() !== 200) throw new Error(`Druckansicht: ${response?.status()}`);
  await page.emulateMedia({ media: "print" });
  writeFileSync(new URL("ST-0020-2025.pdf", out), await page.pdf({ format: "A4", printBackground: false, tagged: true }));
  const [title, ...lines] = OFFER_TEXT.split("\n");
  await page.setContent(
    `<!doctype html><html lang="de"><meta charset="utf-8"><title>${title}</title>
     <body style="font-family: sans-serif; margin: 2cm"><p>Rheinland Dialog GmbH · Köln</p><h1>${title}</h1>
     ${lines.map((line) => `<p>${line}</p>`).join("")}</body></html>`,
  );
  writeFileSync(new URL("angebot-schaengel-assistent.pdf", out), await page.pdf({ format: "A4", tagged: true }));
  console.log("db/seed/files/ST-0020-2025.pdf und angebot-schaengel-assistent.pdf geschrieben");
} finally {
  await browser.close();
}
