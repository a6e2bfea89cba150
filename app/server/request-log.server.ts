// One log line per request (decision record 051): method, path without the query string, status,
// duration and a request id, also sent back as X-Request-Id. LOG_FORMAT=json writes one JSON
// object per line for a log collector; otherwise a plain line.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export type LogFormat = "json" | "text";

export function logFormat(): LogFormat {
  return process.env.LOG_FORMAT === "json" ? "json" : "text";
}

export type RequestLogEntry = { method: string; path: string; status: number; durationMs: number; requestId: string; aborted: boolean };

export function formatRequestLine(entry: RequestLogEntry, format: LogFormat = logFormat()) {
  const time = new Date().toISOString();
  if (format === "json") return JSON.stringify({ time, level: "info", msg: "request", ...entry });
  return `${time} ${entry.method} ${entry.path} ${entry.status} ${entry.durationMs} ms id=${entry.requestId}${entry.aborted ? " abgebrochen" : ""}`;
}

/** Express/connect middleware: first in the chain so every response is logged and tagged. */
export function requestLog(req: IncomingMessage, res: ServerResponse, next: () => void) {
  const started = process.hrtime.bigint();
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && INCOMING_ID.test(given) ? given : randomUUID();
  // The app sees the same id (error logs can name it).
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    const path = (req.url ?? "/").split("?")[0] || "/";
    process.stdout.write(
      formatRequestLine({ method: req.method ?? "GET", path, status: res.statusCode, durationMs, requestId, aborted: !res.writableFinished }) + "\n",
    );
  };
  res.once("finish", done);
  res.once("close", done);
  next();
}
