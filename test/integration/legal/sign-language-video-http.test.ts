// The DGS video's upload over HTTP: the edge bounds its path by SIGN_LANGUAGE_VIDEO_MAX_MB (not
// FILE_MAX_MB), and the stored video is served to visitors with ranges.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../../support/server";
import { send, signInAs } from "../security/http";
import { webmBytes } from "./video-fixtures";

let server: RunningServer;
let admin: string;

beforeAll(async () => {
  server = await startServer(inject("pgTemplate"), { demo: true, env: { FILE_MAX_MB: "1", SIGN_LANGUAGE_VIDEO_MAX_MB: "2" } });
  admin = await signInAs(server, "admin");
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const BOUNDARY = "----video-test";

/** A multipart upload over raw HTTP declaring `declaredLength`; resolves with the answer. */
function declareLarge(path: string, declaredLength: number) {
  const url = new URL(server.url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    let answered = false;
    const headers = {
      "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`,
      "Content-Length": String(declaredLength),
      Origin: url.origin,
      Cookie: admin,
    };
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "POST", headers, agent: false }, (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    req.write(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="gross.webm"\r\nContent-Type: video/webm\r\n\r\n`);
    req.write(webmBytes(256 * 1024));
  });
}

describe("the DGS video over HTTP", () => {
  it("takes a video over FILE_MAX_MB but under its own limit, and serves it to visitors with ranges", async () => {
    const bytes = webmBytes(1_500_000);
    const body = new FormData();
    body.append("label", "Das Portal in DGS");
    body.append("file", new Blob([new Uint8Array(bytes)], { type: "video/webm" }), "dgs.webm");
    const reply = await send(server.url, "/admin/gebaerdensprache/hochladen", { method: "POST", origin: true, cookie: admin, body });
    expect(reply.status, reply.text).toBe(302);
    const page = await send(server.url, "/gebaerdensprache");
    const src = /<source src="(\/dokumente\/\d+)" type="video\/webm"\/>/.exec(page.text)?.[1];
    expect(src).toBeDefined();
    const part = await send(server.url, src!, { headers: { Range: "bytes=0-3" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("Content-Type")).toBe("video/webm");
    expect(part.headers.get("Content-Range")).toBe(`bytes 0-3/${bytes.length}`);
    expect(part.headers.get("Content-Security-Policy")).toContain("media-src 'self'");
  });

  it("refuses a declared length over SIGN_LANGUAGE_VIDEO_MAX_MB at the edge, and documents keep FILE_MAX_MB", async () => {
    // Declares more than the limit but sends 256 KB: the answer comes before the rest is sent.
    const video = await declareLarge("/admin/gebaerdensprache/hochladen", 3 * 1024 * 1024);
    expect(video.status).toBe(413);
    expect(video.text).toContain("höchstens 2 MB");
    const documentUpload = await declareLarge("/dokumente/hochladen", 1_500_000);
    expect(documentUpload.status).toBe(413);
    expect(documentUpload.text).toContain("höchstens 1 MB");
  });
});
