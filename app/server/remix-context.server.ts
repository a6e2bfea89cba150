import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { env } from "~/env.server";

/** What server.mjs hands every loader and action (`context`). */
export type PortalLoadContext = { cspNonce?: string; clientAddress?: string };

export function loadContext(req: ExpressRequest, res: ExpressResponse): PortalLoadContext {
  return { cspNonce: res.locals.cspNonce as string | undefined, clientAddress: req.ip };
}

/** The guards read the body already (bounded): Remix gets it from memory, not from the socket. */
export function withBufferedBody(request: Request, req: ExpressRequest): Request {
  if (!Buffer.isBuffer(req.body)) return request;
  return new Request(request, { body: req.body.length > 0 ? req.body : null, duplex: "half" } as RequestInit);
}

/**
 * Express's `trust proxy` from TRUST_PROXY (docs/decisions/074): unset means the socket address
 * is the client and X-Forwarded-For is ignored; `true`, a hop count, or addresses/subnets
 * (`loopback`, `10.0.0.0/8`) name the proxies whose X-Forwarded-For is believed.
 */
export function trustProxySetting(): boolean | number | string {
  const value = env().TRUST_PROXY.trim();
  if (value === "" || value === "false" || value === "0") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The client as seen by the app; loaders called without a server (tests) pass none. */
export function clientAddressOf(context: unknown): string {
  const address = (context as PortalLoadContext | undefined)?.clientAddress;
  return typeof address === "string" && address ? address : "unbekannt";
}
