import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pageSettled } from "../support/browser";
import { browser, demoLogin, expectAccessible, server, signedInPage, useDemoServerAndBrowser } from "../support/e2e";

const admin = demoLogin("admin");

useDemoServerAndBrowser();

/** A real WebM (VP8/VP9), recorded by Chromium's MediaRecorder from a canvas: no encoder to download. */
async function recordWebm(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext("2d")!;
    let frame = 0;
    const draw = setInterval(() => {
      context.fillStyle = frame++ % 2 ? "#1d4ed8" : "#f59e0b";
      context.fillRect(0, 0, canvas.width, canvas.height);
    }, 40);
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: "video/webm" });
    const parts: Blob[] = [];
    recorder.ondataavailable = (event) => parts.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    recorder.stop();
    await stopped;
    clearInterval(draw);
    const bytes = new Uint8Array(await new Blob(parts, { type: "video/webm" }).arrayBuffer());
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return Buffer.from(base64, "base64");
}

describe("the DGS video in a real browser", { timeout: 180_000 }, () => {
  it("an admin uploads the video; a visitor's page plays it (metadata loaded) and stays axe-clean", async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}/gebaerdensprache`);
    await visitor.getByText("Ein Video in Deutscher Gebärdensprache (DGS) bieten wir derzeit noch nicht an.").waitFor();
    expect(await visitor.locator("video").count()).toBe(0);

    const { page } = await signedInPage(admin.email, admin.password);
    await page.goto(`${server.url}/admin`);
    await page.getByRole("link", { name: "Video in Gebärdensprache" }).click();
    await page.getByRole("heading", { level: 1, name: "Video in Gebärdensprache" }).waitFor();
    await pageSettled(page);
    await expectAccessible(page);
    const video = await recordWebm(page);
    expect(video.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe(true);
    await page.getByLabel("Titel des Videos").fill("Das Portal in DGS");
    await page.getByLabel("Videodatei").setInputFiles({ name: "portal-dgs.webm", mimeType: "video/webm", buffer: video });
    await page.getByRole("button", { name: "Hochladen", exact: true }).click();
    await page.getByText("Das Video wurde gespeichert.").waitFor();
    await pageSettled(page);
    await expectAccessible(page);

    await visitor.goto(`${server.url}/gebaerdensprache`);
    await pageSettled(visitor);
    const player = visitor.locator("video");
    expect(await player.getAttribute("aria-label")).toBe("Das Portal in DGS");
    // HAVE_METADATA: the browser fetched the file under the page's policy and read its header.
    await visitor.waitForFunction(() => (document.querySelector("video")?.readyState ?? 0) >= 1);
    expect(await player.evaluate((element: HTMLVideoElement) => ({ error: element.error, width: element.videoWidth }))).toEqual({ error: null, width: 160 });
    await expectAccessible(visitor);
    await visitor.goto(`${server.url}/barrierefreiheit`);
    await visitor.getByText(/Ein Video in Deutscher Gebärdensprache erklärt das Portal/).waitFor();
  });
});
