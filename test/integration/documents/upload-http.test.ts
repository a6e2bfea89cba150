import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../../support/server";
import { sendLarge, signInAs } from "../security/http";

let server: RunningServer;
let staff: string;

beforeAll(async () => {
  server = await startServer(inject("pgTemplate"), { demo: true, env: { FILE_MAX_MB: "1" } });
  staff = await signInAs(server, "staff");
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const BOUNDARY = "----upload-test";

/**
 * A multipart upload over raw HTTP: the form's fields and the file head, then file bytes until
 * the server answers or `maxBytes` are written; says how much was written before the answer.
 */
function uploadLarge(options: { declaredLength?: number; maxBytes: number; head?: string }) {
  return sendLarge(server.url, "/dokumente/hochladen", {
    chunked: !options.declaredLength,
    declaredLength: options.declaredLength,
    maxBytes: options.maxBytes,
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, Cookie: staff },
    head:
      options.head ??
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="owner"\r\n\r\npaper:1\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="gross.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    fill: " ",
    agent: false,
  });
}

describe("the upload limit over HTTP (FILE_MAX_MB=1)", () => {
  it("refuses a declared over-limit body with a German 413 before reading it", async () => {
    // Declares 30 MB but sends at most 1 MB: the answer comes without the rest ever being sent.
    const result = await uploadLarge({ declaredLength: 30 * 1024 * 1024, maxBytes: 1024 * 1024 });
    expect(result.status).toBe(413);
    expect(result.text).toContain("höchstens 1 MB");
  });

  it("refuses a chunked file once it passes the limit, without reading the rest", async () => {
    const result = await uploadLarge({ maxBytes: 40 * 1024 * 1024 });
    expect(`${result.status} ${result.text.slice(-300)}`).toMatch(/^413/);
    expect(result.text).toContain("höchstens 1 MB");
    expect(result.written).toBeLessThan(20 * 1024 * 1024);
  });

  it("bounds the whole body, also bytes outside any file part", async () => {
    const before = server.output().length;
    const result = await uploadLarge({ maxBytes: 40 * 1024 * 1024, head: "preamble without a boundary " }).catch((error) => {
      throw new Error(`${error}: ${server.output().slice(before)}`);
    });
    expect(result.status).toBe(413);
    expect(result.written).toBeLessThan(20 * 1024 * 1024);
  });

  it("still checks the Origin of an upload", async () => {
    const reply = await fetch(`${server.url}/dokumente/hochladen`, {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, Origin: "https://evil.example", Cookie: staff },
      body: `--${BOUNDARY}--\r\n`,
    });
    expect(reply.status).toBe(403);
  });
});
