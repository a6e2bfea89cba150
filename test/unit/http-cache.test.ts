// The validator itself: what goes into the ETag, and what a 304 carries (docs/decisions/096).
import type { Response as ExpressResponse } from "express";
import { describe, expect, it } from "vitest";
import { matches, withHttpCaching } from "../../app/server/http-cache.server";

function fakeRes(nonce?: string) {
  const removed: string[] = [];
  return { res: { locals: { cspNonce: nonce }, removeHeader: (name: string) => removed.push(name) } as unknown as ExpressResponse, removed };
}

async function tagOf(body: string, options: { type?: string; nonce?: string; version?: string; cookie?: boolean } = {}) {
  const request = new Request("http://portal.test/seite", { headers: options.cookie ? { Cookie: "session=x" } : {} });
  const response = new Response(body, { headers: { "Content-Type": options.type ?? "text/html; charset=utf-8" } });
  const result = await withHttpCaching(request, response, fakeRes(options.nonce).res, options.version ?? "v1");
  return result.headers.get("ETag")!;
}

describe("the page ETag", () => {
  it("ignores the request's CSP nonce and nothing else", async () => {
    const page = (nonce: string) => `<script nonce="${nonce}">start()</script><p>Inhalt</p>`;
    expect(await tagOf(page("AAAA"), { nonce: "AAAA" })).toBe(await tagOf(page("BBBB"), { nonce: "BBBB" }));
    expect(await tagOf(page("AAAA").replace("Inhalt", "Anderes"), { nonce: "AAAA" })).not.toBe(await tagOf(page("AAAA"), { nonce: "AAAA" }));
  });

  it("changes with the build version and the content type", async () => {
    expect(await tagOf("x", { version: "v1" })).not.toBe(await tagOf("x", { version: "v2" }));
    expect(await tagOf("x", { type: "application/json" })).not.toBe(await tagOf("x"));
  });

  it("ignores a calendar's DTSTAMP, not its events", async () => {
    const ics = (stamp: string, start: string) => `BEGIN:VEVENT\r\nDTSTAMP:${stamp}\r\nDTSTART:${start}\r\nEND:VEVENT\r\n`;
    const type = "text/calendar; charset=utf-8";
    expect(await tagOf(ics("20261207T010000Z", "20270101T100000"), { type })).toBe(await tagOf(ics("20261207T010001Z", "20270101T100000"), { type }));
    expect(await tagOf(ics("20261207T010000Z", "20270101T100000"), { type })).not.toBe(await tagOf(ics("20261207T010000Z", "20270101T110000"), { type }));
  });

  it("answers a match with a bare 304 that drops the CSP header and keeps cookies", async () => {
    const tag = await tagOf("<p>Seite</p>", { cookie: true });
    const { res, removed } = fakeRes("n");
    const request = new Request("http://portal.test/seite", { headers: { Cookie: "session=x", "If-None-Match": tag } });
    const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
    headers.append("Set-Cookie", "a=1");
    headers.append("Set-Cookie", "b=2");
    const result = await withHttpCaching(request, new Response("<p>Seite</p>", { headers }), res, "v1");
    expect(result.status).toBe(304);
    expect(result.body).toBeNull();
    expect(removed).toEqual(["Content-Security-Policy"]);
    expect(result.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(result.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(result.headers.get("Content-Type")).toBeNull();
  });

  it("compares weakly and understands lists and *", () => {
    expect(matches('"abc"', 'W/"abc"')).toBe(true);
    expect(matches('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches("*", 'W/"abc"')).toBe(true);
    expect(matches('W/"abcd"', 'W/"abc"')).toBe(false);
    expect(matches(null, 'W/"abc"')).toBe(false);
  });

  it("leaves POST answers, errors and no-store responses alone", async () => {
    const html = { "Content-Type": "text/html" };
    const post = await withHttpCaching(
      new Request("http://portal.test/", { method: "POST", body: "a=1" }),
      new Response("x", { headers: html }),
      fakeRes().res,
      "v1",
    );
    const missing = await withHttpCaching(new Request("http://portal.test/"), new Response("x", { status: 404, headers: html }), fakeRes().res, "v1");
    const noStore = await withHttpCaching(
      new Request("http://portal.test/"),
      new Response("x", { headers: { ...html, "Cache-Control": "no-store" } }),
      fakeRes().res,
      "v1",
    );
    for (const response of [post, missing, noStore]) expect(response.headers.get("ETag")).toBeNull();
  });
});
