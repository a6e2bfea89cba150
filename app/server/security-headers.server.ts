import { randomBytes } from "node:crypto";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { servedOverHttps } from "~/env.server";

/** The policy for every response; pages run only scripts carrying this request's nonce. */
export function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=()";

/**
 * First middleware in server.mjs: every response (pages, data requests, feeds, files, assets,
 * refusals, error pages) gets the same headers, set once here and never again in Remix, so a
 * response cannot carry two policies. The nonce goes on to Remix through the load context.
 */
export function securityHeaders(_req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  const nonce = randomBytes(18).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (servedOverHttps()) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}
