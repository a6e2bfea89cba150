// The outside probe's classes 1, 2, 3, 6 and 8, through the production build over HTTP.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../../support/server";
import { demoLogin, form, FORM, logDuring, send, sendLarge, sendRaw, signInAs, STACK_LINE } from "./http";

let server: RunningServer;
let staffCookie: string;

beforeAll(async () => {
  server = await startServer(inject("pgTemplate"), { demo: true });
  staffCookie = await signInAs(server, "staff");
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const expert = demoLogin("expert");

/** Values a browser would resolve to another host (it drops tabs and line breaks, reads \ as /). */
const REDIRECT_CORPUS = [
  "//evil.example/",
  "/\t/evil.example/",
  "\t//evil.example/",
  "/\n/evil.example/",
  "/\r\n/evil.example/",
  "/\r/evil.example",
  "/\\evil.example/",
  "/\\\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t\\evil.example",
  " //evil.example",
  "https:evil.example",
  "https://evil.example/",
  "http:/evil.example",
  "HTTPS://evil.example",
  "//evil.example@127.0.0.1/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "/\u0000/evil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "data:text/html,<script>alert(1)</script>",
  "\u3000//evil.example",
  "/.//evil.example",
];

describe("1. open redirect after sign-in", () => {
  it.each(REDIRECT_CORPUS)("never leaves the portal for redirectTo %j", async (target) => {
    const reply = await send(server.url, "/login", {
      method: "POST",
      origin: true,
      headers: FORM,
      body: form({ email: expert.email, password: expert.password, redirectTo: target }),
    });
    expect(reply.status).toBe(302);
    const location = reply.location ?? "";
    const resolved = new URL(location, server.url);
    expect(resolved.origin).toBe(server.url);
    expect(location.startsWith("/") && !location.startsWith("//")).toBe(true);
    if (/^\/\.|^\/%/.test(target) === false) expect(location).not.toMatch(/evil|javascript|data:/i);

    expect(location).not.toMatch(/[\u0000-\u001f\\]/);
  });

  it("keeps same-origin paths with their query and hash", async () => {
    const reply = await send(server.url, "/login", {
      method: "POST",
      origin: true,
      headers: FORM,
      body: form({ email: expert.email, password: expert.password, redirectTo: "/themen?seite=2#neu" }),
    });
    expect(reply.location).toBe("/themen?seite=2#neu");
  });

  it.each(REDIRECT_CORPUS)("does not echo redirectTo %j into the login page", async (target) => {
    const reply = await send(server.url, `/login?redirectTo=${encodeURIComponent(target)}`);
    expect(reply.status).toBeLessThan(500);
    expect(reply.text).not.toMatch(/evil\.example|javascript:|data:text/i);
  });
});

describe("2. cross-site and null-origin requests that change state", () => {
  const credentials = () => form({ email: expert.email, password: expert.password });
  const refused: Array<[string, Record<string, string>, string?]> = [
    ["a foreign Origin", { Origin: "https://evil.example" }],
    ["Origin: null", { Origin: "null" }],
    ["the own host over another scheme", { Origin: "https://127.0.0.1" }],
    ["Sec-Fetch-Site: cross-site without Origin", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site: same-site without Origin", { "Sec-Fetch-Site": "same-site" }],
    ["the own Origin but Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site", OWN: "1" }],
    ["neither Origin nor Sec-Fetch-Site (non-browser client)", {}],
    ["a foreign Origin on a data request", { Origin: "https://evil.example" }, "/login?_data=routes%2Flogin"],
    ["Origin: null on a data request", { Origin: "null" }, "/login?index&_data=routes%2Flogin"],
  ];
  it.each(refused)("refuses sign-in with %s", async (_label, headers, path = "/login") => {
    const { OWN, ...rest } = headers;
    const reply = await send(server.url, path, { method: "POST", origin: Boolean(OWN), headers: { ...FORM, ...rest }, body: credentials() });
    expect(reply.status).toBe(403);
    expect(reply.headers.get("Set-Cookie")).toBeNull();
    expect(reply.text).toContain("fremder Herkunft");
  });

  it("refuses a cross-site sign-out and a cross-site staff action", async () => {
    const logout = await send(server.url, "/logout", { method: "POST", cookie: staffCookie, headers: { ...FORM, Origin: "null" }, body: "" });
    expect(logout.status).toBe(403);
    const meeting = await send(server.url, "/sitzungen/neu?_data=routes%2Fsitzungen.neu", {
      method: "POST",
      cookie: staffCookie,
      headers: { ...FORM, "Sec-Fetch-Site": "cross-site" },
      body: form({ name: "x" }),
    });
    expect(meeting.status).toBe(403);
    expect((await send(server.url, "/?_data=root", { cookie: staffCookie })).text).toContain("Markus Schneider");
  });

  it("accepts the own origin, and Sec-Fetch-Site: same-origin alone", async () => {
    const own = await send(server.url, "/login", { method: "POST", origin: true, headers: FORM, body: credentials() });
    expect(own.status).toBe(302);
    const fetchMeta = await send(server.url, "/login", { method: "POST", headers: { ...FORM, "Sec-Fetch-Site": "same-origin" }, body: credentials() });
    expect(fetchMeta.status).toBe(302);
  });

  it("exempts only the one-click unsubscribe endpoint", async () => {
    const reply = await send(server.url, "/benachrichtigungen/abbestellen?token=x", {
      method: "POST",
      headers: { ...FORM, Origin: "https://mail.example" },
      body: form({ "List-Unsubscribe": "One-Click" }),
    });
    expect(reply.text).not.toContain("fremder Herkunft");
    const neighbour = await send(server.url, "/benachrichtigungen/abbestellen-x", {
      method: "POST",
      headers: { ...FORM, Origin: "https://mail.example" },
      body: "",
    });
    expect(neighbour.status).toBe(403);
  });
});

describe("3. body limits", () => {
  it("answers 413 to a declared 100 MB form before reading it", async () => {
    const before = await logDuring(server, async () => {
      const result = await sendLarge(server.url, "/login", { chunked: false, declaredLength: 100 * 1024 * 1024, maxBytes: 100 * 1024 * 1024 });
      expect(result.status).toBe(413);
      expect(result.written).toBeLessThan(20 * 1024 * 1024);
      expect(result.text).toContain("zu groß");
    });
    expect(before).not.toMatch(STACK_LINE);
  });

  it("answers 413 to a chunked body once it passes the route's limit", async () => {
    const result = await sendLarge(server.url, "/login", { chunked: true, maxBytes: 50 * 1024 * 1024 });
    expect(result.status).toBe(413);
    expect(result.written).toBeLessThan(20 * 1024 * 1024);
  });

  it("lets a long comment-sized form through to a signed-in form (not 413)", async () => {
    const body = form({ intent: "x", text: "ü".repeat(20_000) });
    const reply = await send(server.url, "/themen/neu", { method: "POST", origin: true, cookie: staffCookie, headers: FORM, body });
    expect(reply.status).not.toBe(413);
    expect(reply.status).toBeLessThan(500);
  });

  it("refuses a form with thousands of fields with a German 413 page", async () => {
    const fields = Array.from({ length: 5_000 }, (_, i) => `f${i}=1`).join("&");
    const reply = await send(server.url, "/konto", { method: "POST", origin: true, cookie: staffCookie, headers: FORM, body: fields });
    expect(reply.status).toBe(413);
    expect(reply.text).toContain("zu viele Felder");
  });
});

describe("6. malformed requests: 4xx, a short German page, one log line, no stack trace", () => {
  /** A same-origin POST of `body` as `contentType`. */
  const postTyped = (path: string, contentType: string, body: string) => () =>
    send(server.url, path, { method: "POST", origin: true, headers: { "Content-Type": contentType }, body });
  /** A sign-in POST sent with `origin` as its Origin header. */
  const postFromOrigin = (origin: string) => () =>
    send(server.url, "/login", { method: "POST", headers: { ...FORM, Origin: origin }, body: form({ email: "a@b.de", password: "x" }) });
  const cases: Array<[string, () => Promise<{ status: number; text: string }>, number]> = [
    ["bad percent-escape in the path", () => send(server.url, "/themen/%E0%A4%A"), 400],
    ["bad percent-escape in a route id", () => send(server.url, "/sitzungen/%ZZ"), 400],
    ["a malformed Origin", postFromOrigin("http://[::1"), 400],
    ["a malformed Origin (no scheme)", postFromOrigin("evil"), 400],
    ["broken multipart", postTyped("/login", "multipart/form-data; boundary=abc", '--abc\r\nContent-Disposition: form-data; name="email"\r\n\r\nno end'), 400],
    ["multipart without boundary", postTyped("/login", "multipart/form-data", "x"), 400],
    ["text/plain to a form action", postTyped("/login", "text/plain", "email=a@b.de"), 415],
    ["JSON to a form action", postTyped("/login", "application/json", '{"email":"a@b.de"}'), 415],
    ["JSON to a data request", postTyped("/login?_data=routes%2Flogin", "application/json", "{}"), 415],
    ["no content type at all", () => send(server.url, "/logout", { method: "POST", origin: true, body: new Uint8Array([1, 2, 3]) }), 415],
    ["PUT", () => send(server.url, "/login", { method: "PUT", origin: true, headers: FORM, body: "a=1" }), 405],
    ["DELETE", () => send(server.url, "/themen", { method: "DELETE", origin: true }), 405],
    ["PATCH", () => send(server.url, "/konto", { method: "PATCH", origin: true, headers: FORM, body: "a=1" }), 405],
    ["TRACE", () => sendRaw(server.url, "/", "TRACE"), 405],
    ["OPTIONS", () => send(server.url, "/login", { method: "OPTIONS" }), 405],
    ["a line break in a protected page's way back", () => send(server.url, "/konto?x=%0D%0ALocation:%20//evil.example"), 302],
  ];
  it.each(cases)("%s", async (_label, run, status) => {
    let reply: { status: number; text: string } | undefined;
    const log = await logDuring(server, async () => (reply = await run()));
    expect(reply!.status).toBe(status);
    expect(log).not.toMatch(STACK_LINE);
    if (status >= 400) {
      expect(reply!.text).toMatch(/<html lang="de"/);
      expect(reply!.text.length).toBeLessThan(4_000);
      expect(log.split("\n").filter((line) => line.includes("abgelehnt"))).toHaveLength(1);
    }
  });

  it("signs in and falls back to / for a line break in redirectTo", async () => {
    const log = await logDuring(server, async () => {
      const reply = await send(server.url, "/login", {
        method: "POST",
        origin: true,
        headers: FORM,
        body: form({ email: expert.email, password: expert.password, redirectTo: "/konto\r\nSet-Cookie: x=1" }),
      });
      expect(reply.status).toBe(302);
      expect(reply.location).toBe("/");
    });
    expect(log).not.toMatch(STACK_LINE);
  });
});

describe("8. smaller points", () => {
  it("serves /bench/baseline only in bench mode", async () => {
    expect((await send(server.url, "/bench/baseline")).status).toBe(404);
    expect((await send(server.url, "/bench/baseline?_data=routes%2Fbench.baseline")).status).toBe(404);
  });

  it("answers 404 for ids that are not plain decimal numbers, everywhere", async () => {
    for (const [list, prefix] of [
      ["/sitzungen", "/sitzungen/"],
      ["/empfehlungen", "/empfehlungen/"],
      ["/bewertungsrunden", "/bewertungsrunden/"],
    ] as const) {
      const page = await send(server.url, list, { cookie: staffCookie });
      const id = new RegExp(`href="${prefix}(\\d+)"`).exec(page.text)?.[1];
      expect(id, `a link on ${list}`).toBeDefined();
      expect((await send(server.url, `${prefix}${id}`, { cookie: staffCookie })).status).toBe(200);
      for (const variant of [
        `0x${Number(id).toString(16)}`,
        `0${id}`,
        `00${id}`,
        `${id}e0`,
        `%20${id}`,
        `${id}%20`,
        `+${id}`,
        `${id}.0`,
        `%09${id}`,
        `${id}%0A`,
      ]) {
        const reply = await send(server.url, `${prefix}${variant}`, { cookie: staffCookie });
        expect(reply.status, `${prefix}${variant}`).toBe(404);
      }
    }
    expect((await send(server.url, "/sitzungen/1e3", { cookie: staffCookie })).status).toBe(404);
  });
});
