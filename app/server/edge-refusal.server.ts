import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { t } from "~/i18n/de";

const s = t.security;

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A short German page, no layout and no script: the request never reached Remix. */
export function refusalHtml(status: number, message: string) {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${s.pageTitle} – Digitalbeirat</title></head><body><main><h1>${s.pageTitle}</h1><p>${escapeHtml(message)}</p><p>${s.statusLine(status)}</p><p><a href="/">${s.backHome}</a></p></main></body></html>`;
}

/** Control characters and overlong values never reach the log verbatim (no log injection). */
function loggable(value: string) {
  return JSON.stringify(value.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 200));
}

/**
 * Answers `status` with the page and writes one log line (never a stack trace). `close` drops
 * the connection afterwards, so an unread oversized body is not drained.
 */
export function refuse(
  req: ExpressRequest,
  res: ExpressResponse,
  status: number,
  message: string,
  reason: string,
  options: { close?: boolean; headers?: Record<string, string> } = {},
) {
  console.warn(`Anfrage abgelehnt (${status} ${reason}): ${req.method} ${loggable(req.originalUrl)}`);
  if (res.headersSent) return;
  if (options.close) res.set("Connection", "close");
  res
    .status(status)
    .set({ "Cache-Control": "no-store", ...options.headers })
    .type("html")
    .send(refusalHtml(status, message));
}
