// Security headers on every kind of response, and the nonce CSP on pages (over HTTP).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../../support/server";
import { FORM, send, signInAs } from "./http";

let server: RunningServer;
let https: RunningServer;
let staff: string;

beforeAll(async () => {
  [server, https] = await Promise.all([
    startServer(inject("pgTemplate"), { demo: true }),
    startServer(inject("pgTemplate"), { env: { PORTAL_URL: "https://beirat.example", BENCH_QUERY_LOG: "1" } }),
  ]);
  staff = await signInAs(server, "staff");
}, 120_000);
afterAll(async () => {
  await Promise.all([server?.stop(), https?.stop()]);
});

function expectSecurityHeaders(headers: Headers, label: string) {
  expect(headers.get("X-Content-Type-Options"), label).toBe("nosniff");
  expect(headers.get("Referrer-Policy"), label).toBe("same-origin");
  expect(headers.get("X-Frame-Options"), label).toBe("DENY");
  expect(headers.get("Content-Security-Policy"), label).toMatch(/frame-ancestors 'none'/);
  expect(headers.get("Permissions-Policy"), label).toMatch(/camera=\(\)/);
  expect(headers.get("Cross-Origin-Opener-Policy"), label).toBe("same-origin");
  expect(headers.get("Content-Security-Policy")?.split(",").length, `${label}: one policy`).toBe(1);
}

/** First link of the given shape on a page. */
async function firstLink(path: string, pattern: RegExp, cookie?: string) {
  const page = await send(server.url, path, { cookie });
  const match = pattern.exec(page.text);
  if (!match) throw new Error(`kein Link ${pattern} auf ${path}`);
  return match[0].slice(6, -1);
}

describe("headers on every response kind", () => {
  it("pages, data requests, feeds, files, assets, errors and refusals", async () => {
    const home = await send(server.url, "/");
    const asset = /\/build\/[^"]+\.js/.exec(home.text)![0];
    const css = /\/build\/[^"]+\.css/.exec(home.text)![0];
    const meeting = await firstLink("/sitzungen", /href="\/sitzungen\/\d+"/);
    const round = await firstLink("/bewertungsrunden", /href="\/bewertungsrunden\/\d+"/, staff);
    const kinds: Array<[string, string, Record<string, unknown>?]> = [
      ["HTML page", "/"],
      ["signed-in page", "/konto", { cookie: staff }],
      ["data request", "/?_data=root"],
      ["route data request", "/themen?_data=routes%2Fthemen._index", { cookie: staff }],
      ["Atom feed", "/empfehlungen.atom"],
      ["accountability feed", "/umsetzung.atom"],
      ["accountability CSV", "/umsetzung.csv"],
      ["calendar", "/sitzungen.ics"],
      ["meeting calendar", `${meeting}/kalender.ics`],
      ["CSV export", `${round}/ergebnisse.csv`, { cookie: staff }],
      ["data export file", "/konto/export", { cookie: staff }],
      ["script asset", asset],
      ["stylesheet asset", css],
      ["public file", "/favicon.svg"],
      ["404 page", "/gibt-es-nicht"],
      ["404 data request", "/gibt-es-nicht?_data=root"],
      ["403 page", "/admin/konten", { cookie: staff }],
      ["redirect", "/konto"],
      ["400 refusal", "/themen/%E0%A4%A"],
      ["405 refusal", "/", { method: "PUT" }],
      ["403 cross-site refusal", "/login", { method: "POST", headers: { ...FORM, Origin: "null" }, body: "a=1" }],
      ["413 refusal", "/login", { method: "POST", origin: true, headers: { ...FORM, "Content-Length": "99999999" }, body: "a=1" }],
    ];
    for (const [label, path, init] of kinds) {
      let reply;
      try {
        reply = await send(server.url, path, init as Parameters<typeof send>[2]);
      } catch {
        continue; // a declared length the body never reaches: fetch may give up first (413 covered in probe.test)
      }
      expect(reply.status, `${label} ${path}`).toBeLessThan(500);
      expectSecurityHeaders(reply.headers, `${label} (${path}, ${reply.status})`);
      expect(reply.headers.get("Strict-Transport-Security"), label).toBeNull();
    }
  });

  it("sends HSTS when PORTAL_URL is https, on pages and assets alike", async () => {
    for (const path of ["/", "/favicon.svg", "/?_data=root", "/gibt-es-nicht"]) {
      const reply = await send(https.url, path);
      expect(reply.headers.get("Strict-Transport-Security"), path).toMatch(/^max-age=\d{8}; includeSubDomains$/);
      expectSecurityHeaders(reply.headers, path);
    }
  });

  it("serves /bench/baseline in bench mode", async () => {
    expect((await send(https.url, "/bench/baseline")).status).toBe(200);
  });
});

describe("CSP with a nonce", () => {
  it("has a fresh nonce per page, 'strict-dynamic', no 'unsafe-inline' for scripts, and every script carries it", async () => {
    const nonces = new Set<string>();
    for (const [path, cookie] of [
      ["/", undefined],
      ["/login", undefined],
      ["/themen", staff],
      ["/gibt-es-nicht", undefined],
    ] as const) {
      const reply = await send(server.url, path, { cookie });
      const policy = reply.headers.get("Content-Security-Policy") ?? "";
      const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
      expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{22,}'/);
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(policy).toMatch(/object-src 'none'/);
      expect(policy).toMatch(/base-uri 'none'/);
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
      nonces.add(nonce);
      const scripts = [...reply.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      expect(reply.text).not.toMatch(/\sstyle="/);
    }
    expect(nonces.size).toBe(4);
  });
});
