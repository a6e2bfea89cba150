import type { Socket } from "node:net";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { formBoundBroken } from "~/lib/fields";
import { judgeOrigin } from "./csrf.server";
import { closeWhenClientIsDone } from "./linger.server";
import { refuse } from "./edge-refusal.server";

const s = t.security;
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** Sign-in, sign-out, second factor and invitations take a few short fields only. */
const SMALL_FORM_PATHS = [/^\/login(\/|$)/, /^\/logout$/, /^\/einladung\//];
const SMALL_FORM_BYTES = 16 * 1024;

/**
 * Uploads are streamed by their action (docs/decisions/092): documents bounded by FILE_MAX_MB,
 * the operator's DGS video by SIGN_LANGUAGE_VIDEO_MAX_MB.
 */
const UPLOAD_LIMITS: { pattern: RegExp; megabytes: () => number }[] = [
  { pattern: /^\/dokumente\/hochladen$/, megabytes: () => env().FILE_MAX_MB },
  { pattern: /^\/admin\/gebaerdensprache\/hochladen$/, megabytes: () => env().SIGN_LANGUAGE_VIDEO_MAX_MB },
];
export const UPLOAD_PATHS = UPLOAD_LIMITS.map((upload) => upload.pattern);
const UPLOAD_OVERHEAD_BYTES = 64 * 1024;

export function isUploadPath(path: string) {
  return UPLOAD_PATHS.some((pattern) => pattern.test(path));
}

function uploadLimitMb(path: string) {
  return UPLOAD_LIMITS.find((upload) => upload.pattern.test(path))!.megabytes();
}

/** Bytes a form to this path may have (docs/decisions/072). */
export function bodyLimitFor(path: string) {
  return SMALL_FORM_PATHS.some((pattern) => pattern.test(path)) ? SMALL_FORM_BYTES : env().FORM_BODY_LIMIT_KB * 1024;
}

/**
 * Runs before Remix: method, path, origin, content type, body size and field count, in that
 * order, each refused with a short German page and one log line. The body is read here (up to
 * the route's limit, 413 beyond it before reading on) and handed to Remix from memory.
 */
export function requestGuards() {
  return [
    function methodAndPath(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
      if (!["GET", "HEAD", "POST"].includes(req.method)) return refuse(req, res, 405, s.method, "Methode", { headers: { Allow: "GET, HEAD, POST" } });
      try {
        decodeURIComponent(req.path);
      } catch {
        return refuse(req, res, 400, s.badPath, "Prozentkodierung");
      }
      next();
    },
    function origin(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
      if (req.method !== "POST") return next();
      const verdict = judgeOrigin(req);
      if (verdict === "malformed") return refuse(req, res, 400, s.malformedOrigin, "Origin ungültig", { close: true });
      if (verdict !== "ok") return refuse(req, res, 403, s.crossSite, verdict === "missing" ? "ohne Origin" : "fremde Herkunft", { close: true });
      next();
    },
    function contentType(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
      if (req.method !== "POST") return next();
      const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
      const empty = req.get("content-length") === "0" || (!req.get("content-length") && !req.get("transfer-encoding"));
      if (type === "" && empty) return next();
      if (!FORM_TYPES.includes(type)) return refuse(req, res, 415, s.contentType, `Content-Type ${type || "fehlt"}`, { close: true });
      if (type === "multipart/form-data" && !/boundary=/i.test(req.get("content-type") ?? ""))
        return refuse(req, res, 400, s.brokenForm, "multipart ohne boundary", { close: true });
      next();
    },
    function body(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
      if (req.method !== "POST") return next();
      if (isUploadPath(req.path)) return passUploadThrough(req, res, next);
      readBounded(req, res, next, bodyLimitFor(req.path));
    },
    async function fields(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
      if (req.method !== "POST" || !Buffer.isBuffer(req.body) || req.body.length === 0) return next();
      const contentType = req.get("content-type") ?? "";
      let keys: string[];
      try {
        keys = contentType.toLowerCase().startsWith("multipart/")
          ? [...(await new Response(new Uint8Array(req.body), { headers: { "Content-Type": contentType } }).formData()).keys()]
          : [...new URLSearchParams(req.body.toString("latin1")).keys()];
      } catch {
        return refuse(req, res, 400, s.brokenForm, "Formulardaten unlesbar");
      }
      if (formBoundBroken(keys)) return refuse(req, res, 413, s.tooManyFields, `${keys.length} Felder`);
      next();
    },
  ];
}

/**
 * An upload stays on the socket for its action to stream into storage (the action counts the
 * bytes). A declared length over the limit is refused before a byte is read; a client that keeps
 * sending after the action answered early is cut off, as in readBounded.
 */
function passUploadThrough(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  const megabytes = uploadLimitMb(req.path);
  const limit = Math.floor(megabytes * 1024 * 1024) + UPLOAD_OVERHEAD_BYTES;
  const declared = Number(req.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) {
    refuse(req, res, 413, t.documents.errors.tooLarge(megabytes), `Upload über ${limit} Bytes`);
    return cutOffWhenAnswered(req, res);
  }
  if (req.get("content-encoding") && req.get("content-encoding") !== "identity")
    return refuse(req, res, 415, s.contentType, "Content-Encoding", { close: true });
  closeIfAnsweredEarly(req, res);
  cutOffWhenAnswered(req, res);
  next();
}

/**
 * An action that answers before it read the whole upload (a refusal) leaves the rest of the body
 * on the socket, so that socket must not carry the client's next request: the answer says
 * `Connection: close`. Node writes every head through writeHead, also the implicit one.
 */
function closeIfAnsweredEarly(req: ExpressRequest, res: ExpressResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ExpressResponse, ...args: Parameters<typeof writeHead>) {
    if (!req.complete && !res.headersSent) res.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

function cutOffWhenAnswered(req: ExpressRequest, res: ExpressResponse) {
  lingerBeforeClosing(req.socket);
  res.once("finish", () => {
    if (req.complete) return;
    // Checked again when the timer fires: once Node has discarded the rest of the body, the
    // kept-alive socket may already carry the client's next request, which must not be cut.
    const socket = req.socket;
    const timer = setTimeout(() => {
      if (!req.complete) socket?.destroy();
    }, 5_000).unref();
    req.once("end", () => clearTimeout(timer));
  });
}

// Node's HTTP parser reads this socket itself (no "data" events reach us), so "quiet" cannot be
// seen here: the bound alone decides.
const LINGER = { idleMs: 5_000, maxMs: 5_000 };

/**
 * When the early answer is the connection's last (the client sent `Connection: close`), Node
 * ends the socket with destroySoon: destroyed as soon as the answer is written, while upload
 * bytes are still arriving unread, so the kernel resets the connection and a client still
 * sending gets EPIPE instead of the answer (seen in the upload-limit tests). Here the answer goes
 * out, the socket stops writing and reads on (Node drops the rest of the body) until the client
 * closes, at most a few seconds.
 */
function lingerBeforeClosing(socket: Socket | undefined) {
  if (!socket) return;
  socket.destroySoon = function (this: Socket) {
    closeWhenClientIsDone(this, LINGER);
  };
}

/**
 * Reads the body into memory up to `limit` bytes. A declared length over the limit is refused
 * before a byte is read; a chunked body the moment it passes the limit. Either way the answer
 * goes out at once (body-parser would first read the whole body, and then answer).
 */
function readBounded(req: ExpressRequest, res: ExpressResponse, next: NextFunction, limit: number) {
  const tooLarge = () => {
    refuse(req, res, 413, s.tooLarge, `über ${limit} Bytes`);
    // Node discards the rest without storing it so the client can read the answer (a closed
    // socket would meet it with EPIPE mid-upload); a client that keeps sending is cut off.
    cutOffWhenAnswered(req, res);
  };
  const declared = Number(req.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  if (req.get("content-encoding") && req.get("content-encoding") !== "identity")
    return refuse(req, res, 415, s.contentType, "Content-Encoding", { close: true });
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  req.on("data", (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > limit) {
      settled = true;
      return tooLarge();
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (settled) return;
    settled = true;
    req.body = Buffer.concat(chunks);
    next();
  });
  req.on("error", () => {
    settled = true; // the client went away; nothing to answer
  });
}

/** Errors of the body reader (too large, aborted, unreadable) as refusals, not 500s. */
export function refuseBodyErrors(error: unknown, req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  const type = (error as { type?: string } | null)?.type;
  const status = (error as { status?: number } | null)?.status;
  if (type === "entity.too.large") return refuse(req, res, 413, s.tooLarge, `über ${bodyLimitFor(req.path)} Bytes`, { close: true });
  if (type === "request.aborted") return;
  if (typeof status === "number" && status >= 400 && status < 500) return refuse(req, res, status, s.brokenForm, type ?? "Anfrage unlesbar", { close: true });
  next(error);
}
