import { createHash } from "node:crypto";
import type { Response as ExpressResponse } from "express";

/**
 * Generated text the portal answers with: pages, data requests (`?_data=`), OParl JSON, Atom and
 * iCalendar. Files, CSV downloads and everything else keep their own headers.
 */
const VALIDATED_TYPES = /^(text\/html|application\/json|application\/atom\+xml|application\/rss\+xml|text\/calendar)\b/i;

/** Headers a 304 repeats (RFC 9110 15.4.5); a new Content-Security-Policy is deliberately not among them. */
const NOT_MODIFIED_HEADERS = ["Cache-Control", "ETag", "Vary", "Set-Cookie", "Expires", "Content-Location", "X-Query-Count"];

/**
 * ETag and 304 for every page and feed (docs/decisions/096). The loader runs anyway, so the
 * validator is a hash of exactly what the reader would get: the response bytes (with this
 * request's CSP nonce taken out), its type and status, and the build version. Whatever the page
 * shows — data, deletions, time-driven state, the reader's own parts — is covered without a
 * list that could miss something, and nothing is kept in the process.
 *
 * A 304 carries no Content-Security-Policy: the browser keeps the cached page with the nonce it
 * was served with, and the policy stored beside it must keep naming that nonce.
 */
export async function withHttpCaching(request: Request, response: Response, res: ExpressResponse, buildVersion: string): Promise<Response> {
  if (!isValidated(request, response)) return response;
  const body = Buffer.from(await response.arrayBuffer());
  const etag = entityTag(body, response, buildVersion, res.locals.cspNonce as string | undefined);
  const headers = new Headers(response.headers);
  headers.set("ETag", etag);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", personal(request, response) ? "private, no-cache" : "public, no-cache");
  if (!/\bprivate\b/i.test(headers.get("Cache-Control") ?? "")) addVary(headers, "Cookie");
  if (!matches(request.headers.get("If-None-Match"), etag)) return new Response(body, { status: response.status, statusText: response.statusText, headers });
  res.removeHeader("Content-Security-Policy");
  const kept = new Headers();
  for (const name of NOT_MODIFIED_HEADERS) {
    if (name === "Set-Cookie") for (const cookie of headers.getSetCookie()) kept.append(name, cookie);
    else if (headers.has(name)) kept.set(name, headers.get(name)!);
  }
  return new Response(null, { status: 304, headers: kept });
}

function isValidated(request: Request, response: Response) {
  if (request.method !== "GET" || response.status !== 200 || !response.body) return false;
  if (response.headers.has("ETag")) return false;
  if (/\bno-store\b/i.test(response.headers.get("Cache-Control") ?? "")) return false;
  return VALIDATED_TYPES.test(response.headers.get("Content-Type") ?? "");
}

function entityTag(body: Buffer, response: Response, buildVersion: string, nonce: string | undefined) {
  const hash = createHash("sha256");
  hash.update(`${buildVersion}\n${response.status}\n${response.headers.get("Content-Type")}\n`);
  hash.update(withoutPerResponseParts(body, response.headers.get("Content-Type") ?? "", nonce));
  // Weak: compression may send other bytes of the same page under the same tag.
  return `W/"${hash.digest("base64url").slice(0, 32)}"`;
}

/**
 * What differs between two answers to the same request without the page having changed: the CSP
 * nonce, and a calendar's DTSTAMP (the instant the file was written, RFC 5545 3.8.7.2). A weak
 * ETag promises semantic equivalence, which a copy with an older stamp keeps.
 */
function withoutPerResponseParts(body: Buffer, type: string, nonce: string | undefined): Buffer {
  const bytes = nonce ? withoutNonce(body, nonce) : body;
  if (!/^text\/calendar\b/i.test(type)) return bytes;
  return Buffer.from(bytes.toString("utf8").replace(/^DTSTAMP:\d{8}T\d{6}Z\r\n/gm, ""));
}

/** The page's bytes with every occurrence of this request's nonce removed. */
function withoutNonce(body: Buffer, nonce: string): Buffer {
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  if (from === 0) return body;
  parts.push(body.subarray(from));
  return Buffer.concat(parts);
}

/** A reader with any cookie may be signed in; a response setting one is theirs alone. */
function personal(request: Request, response: Response) {
  return request.headers.has("Cookie") || response.headers.has("Set-Cookie");
}

function addVary(headers: Headers, name: string) {
  const vary = headers.get("Vary");
  if (!vary) headers.set("Vary", name);
  else if (!vary.split(",").some((part) => part.trim().toLowerCase() === name.toLowerCase())) headers.set("Vary", `${vary}, ${name}`);
}

/** If-None-Match with the weak comparison RFC 9110 13.1.2 prescribes. */
export function matches(ifNoneMatch: string | null, etag: string) {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}
