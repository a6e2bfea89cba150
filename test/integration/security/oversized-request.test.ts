// A request line or header Node cannot take (over 16 KB) is answered with 431, and the client
// reads that answer even while it is still sending: no reset instead of an answer (the form
// fuzzer saw "fetch failed" for a GET form with a very long value).
import { connect } from "node:net";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../../support/server";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(inject("pgTemplate"));
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** Sends a GET whose URL is `bytes` long in 64 KB writes; returns what came back and any socket error. */
function sendLongRequestLine(bytes: number) {
  const { hostname, port } = new URL(server.url);
  return new Promise<{ answer: string; error: string | null; written: number }>((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    let error: string | null = null;
    let written = 0;
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("error", (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on("close", () => resolve({ answer, error, written }));
    const chunk = "a".repeat(64 * 1024);
    const pump = () => {
      while (written < bytes && !socket.destroyed) {
        written += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
      if (!socket.destroyed) socket.end(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
    };
    socket.write("GET /vorlagen?jahr=");
    pump();
  });
}

it("answers an 8 MB request line with a German 431 that the still-sending client receives", async () => {
  const result = await sendLongRequestLine(8 * 1024 * 1024);
  expect(result.error).toBeNull();
  expect(result.answer).toMatch(/^HTTP\/1\.1 431 /);
  expect(result.answer).toContain("Connection: close");
  expect(result.answer).toContain("Die Anfrage konnte nicht gelesen werden.");
  // The server went on with other requests.
  expect((await fetch(`${server.url}/login`)).status).toBe(200);
});
