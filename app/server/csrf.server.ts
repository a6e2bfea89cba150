import type { Request as ExpressRequest } from "express";
import { env } from "~/env.server";

/**
 * The only state-changing endpoints a foreign site may call: RFC 8058 one-click unsubscribe
 * from a mail client, authorised by the signed token in its URL and changing only that
 * subscription (mail issue). Exact paths, POST only. Keep this list the one place.
 */
export const CROSS_SITE_EXEMPT_POSTS: readonly string[] = ["/benachrichtigungen/abbestellen"];

export type OriginVerdict = "ok" | "cross-site" | "malformed" | "missing";

/**
 * Decides a non-GET/HEAD request by its Origin and Sec-Fetch-Site headers (docs/decisions/071):
 * the Origin must be exactly the portal's (scheme, host and port), `null` is refused, and a
 * Sec-Fetch-Site other than `same-origin` is refused even with a matching Origin. A request
 * with neither header is not from a current browser and is refused as well.
 */
export function judgeOrigin(req: ExpressRequest): OriginVerdict {
  if (req.method === "POST" && CROSS_SITE_EXEMPT_POSTS.includes(req.path)) return "ok";
  const origin = req.get("origin");
  const site = req.get("sec-fetch-site");
  if (origin !== undefined) {
    if (origin === "null") return "cross-site";
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return "malformed";
    }
    if (parsed.origin === "null" || parsed.origin !== origin.replace(/\/$/, "")) return "malformed";
    if (!allowedOrigins(req).has(parsed.origin)) return "cross-site";
  }
  if (site !== undefined && site !== "same-origin") return "cross-site";
  if (origin === undefined && site === undefined) return "missing";
  return "ok";
}

/** The public origin (PORTAL_URL) and the origin this request was addressed to. */
function allowedOrigins(req: ExpressRequest) {
  const origins = new Set([new URL(env().PORTAL_URL).origin]);
  const host = req.get("host");
  if (host) {
    try {
      origins.add(new URL(`${req.protocol}://${host}`).origin);
    } catch {
      // a malformed Host header adds nothing
    }
  }
  return origins;
}
