import { t } from "~/i18n/de";
import { findErrorCode } from "~/lib/error-chain";

/** Seconds a client is asked to wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

// postgres.js and Node socket codes meaning "no connection to the database right now".
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

// SQLSTATE: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now,
// 53300 too many connections, class 08 connection exceptions.
const SQLSTATE_UNAVAILABLE = new Set(["57P01", "57P02", "57P03", "53300"]);

/**
 * True when an error (or its cause, or one of an AggregateError's errors, as drizzle and
 * Node wrap them) says the database cannot be reached, as opposed to a bad query.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return findErrorCode(error, (code) => CONNECTION_CODES.has(code) || SQLSTATE_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) !== null;
}

// SQLSTATE of values the database refuses to store: invalid text representation, numeric out
// of range, NUL or invalid byte in text, invalid datetime, string too long. They reach the
// database only when a form's validation missed them: the answer is 400, never 500.
// (Division by zero and the like are bugs, not input, and stay 500.)
const SQLSTATE_INVALID_INPUT = new Set(["22P02", "22003", "22021", "22P05", "22007", "22008", "22001"]);

/** True when the database refused a value a request supplied (see SQLSTATE_INVALID_INPUT). */
export function isInvalidInput(error: unknown): boolean {
  return findErrorCode(error, (code) => SQLSTATE_INVALID_INPUT.has(code)) !== null;
}

export function invalidInputErrorResponse() {
  return { status: 400, statusText: "Bad Request", internal: false, data: t.common.errors.invalidInput };
}

/** What the error boundary receives instead of the raw error: a route error response 503. */
export function unavailableErrorResponse() {
  return { status: 503, statusText: "Service Unavailable", internal: false, data: t.common.errors.unavailable };
}

export function setUnavailableHeaders(headers: Headers) {
  headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  headers.set("Cache-Control", "no-store");
}

/** A bare 503 for responses Remix cannot render (resource routes, errors outside Remix). */
export function unavailablePlainResponse() {
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
  setUnavailableHeaders(headers);
  return new Response(unavailableHtml(), { status: 503, headers });
}

export function unavailableHtml() {
  const { unavailableTitle, unavailable } = t.common.errors;
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${unavailableTitle} – Digitalbeirat</title></head><body><main><h1>${unavailableTitle}</h1><p>${unavailable}</p><p>Statuscode 503</p></main></body></html>`;
}
