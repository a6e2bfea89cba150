import { PassThrough } from "node:stream";
import type { EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import type { PortalLoadContext } from "~/server/remix-context.server";
import { NonceProvider } from "~/ui/nonce";
import {
  invalidInputErrorResponse,
  isDatabaseUnavailable,
  isInvalidInput,
  setUnavailableHeaders,
  unavailableErrorResponse,
  unavailablePlainResponse,
} from "~/server/db-errors.server";
import {
  benchQueryLog,
  countQueriesPerRequest,
  currentRequestScope,
  isMarkedInvalidInput,
  isMarkedUnavailable,
  markDatabaseUnavailable,
  markInvalidInput,
} from "~/server/request-scope.server";

export { runInRequestScope } from "~/server/request-scope.server";
export * as operations from "~/server/operations.server";
export { isDatabaseUnavailable, unavailableHtml, RETRY_AFTER_SECONDS } from "~/server/db-errors.server";
// server.mjs starts the job runner after it listens and stops it on shutdown.
export { startJobRunner } from "~/server/jobs/runner.server";

import { checkStartupConfiguration } from "~/env.server";
import { ensureSigningKey } from "~/server/signing.server";
// The HTTP edge of issue 14 (headers, origin, methods, body limits), installed by server.mjs.
export { securityHeaders } from "~/server/security-headers.server";
export { requestGuards, refuseBodyErrors } from "~/server/request-guards.server";
export { loadContext, trustProxySetting, withBufferedBody } from "~/server/remix-context.server";
// Issue 15: ETag and 304 for pages, data requests and feeds (docs/decisions/096).
export { withHttpCaching } from "~/server/http-cache.server";

const ABORT_DELAY = 5_000;

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (isDatabaseUnavailable(error)) {
    markDatabaseUnavailable(request);
    logDatabaseUnavailable(error);
    return;
  }
  if (isInvalidInput(error)) {
    markInvalidInput(request);
    console.warn(
      `Ungültige Eingabe erst von der Datenbank abgewiesen (${new URL(request.url).pathname}): ${String((error as { cause?: unknown }).cause ?? error).split("\n")[0]}`,
    );
    return;
  }
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  console.error(error);
};

// One line per outage burst instead of a stack trace per request.
let lastOutageLog = 0;
function logDatabaseUnavailable(error: unknown) {
  if (Date.now() - lastOutageLog < 5_000) return;
  lastOutageLog = Date.now();
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  console.warn(`Datenbank nicht erreichbar (${code ?? "unbekannt"}): antworte mit 503`);
}

/** The route error response replacing a request's raw error: 503 for an outage, 400 for a refused value. */
function replacementFor(request: Request) {
  if (isMarkedUnavailable(request)) return unavailableErrorResponse();
  if (isMarkedInvalidInput(request)) return invalidInputErrorResponse();
  return undefined;
}

/** Client-side navigations (?_data=…): the same error as a caught response, not a 500. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  const replacement = replacementFor(request);
  if (!replacement || response.status < 500) return response;
  const headers = new Headers({ "Content-Type": "application/json; charset=utf-8", "X-Remix-Catch": "yes" });
  if (replacement.status === 503) setUnavailableHeaders(headers);
  return new Response(JSON.stringify(replacement.data), { status: replacement.status, headers });
};

/**
 * Called by server.mjs with every response: resource routes that failed on the database get a
 * plain 503 too, and in bench mode the request's SQL statement count goes into a header.
 */
export function finishResponse(request: Request, response: Response): Response {
  const scope = currentRequestScope();
  let result = response;
  if (isMarkedUnavailable(request) && response.status >= 500 && response.status !== 503) result = unavailablePlainResponse();
  else if (isMarkedInvalidInput(request) && response.status === 500) {
    result = new Response(invalidInputErrorResponse().data, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (scope && benchQueryLog()) {
    // Set in place: a copy of every response is a cost the measured portal would have and the
    // production one would not (issue 15). Copied only if the headers cannot be changed.
    try {
      result.headers.set("X-Query-Count", String(scope.queries));
    } catch {
      result = new Response(result.body, result);
      result.headers.set("X-Query-Count", String(scope.queries));
    }
  }
  return result;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: PortalLoadContext = {},
) {
  const nonce = loadContext.cspNonce ?? "";
  const replacement = replacementFor(request);
  if (replacement) {
    responseStatusCode = replacement.status;
    if (replacement.status === 503) setUnavailableHeaders(responseHeaders);
    remixContext = withErrorResponse(remixContext, replacement);
  }
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Cleared once React has written everything: a pending timer would keep the request's
    // whole render tree alive for 5 s after it was answered (garbage under load, issue 15).
    const abortTimer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          body.once("finish", () => clearTimeout(abortTimer));
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}

/**
 * Production sanitises loader errors to "Unexpected Server Error"; for an outage (or a value the
 * database refused) the error boundary, and the client after hydration, gets a route error
 * response instead, so it shows the "vorübergehend nicht erreichbar" (or 400) words.
 */
function withErrorResponse(remixContext: EntryContext, replacement: ReturnType<typeof replacementFor> & object): EntryContext {
  const context = remixContext.staticHandlerContext;
  if (!context.errors) return remixContext;
  const errors = Object.fromEntries(Object.entries(context.errors).map(([routeId, error]) => [routeId, isRouteErrorResponse(error) ? error : replacement]));
  const handoff = JSON.parse(remixContext.serverHandoffString ?? "{}");
  if (handoff.state) {
    handoff.state.errors = Object.fromEntries(
      Object.entries(errors).map(([routeId, error]) => [
        routeId,
        error === replacement ? { ...replacement, __type: "RouteErrorResponse" } : handoff.state.errors?.[routeId],
      ]),
    );
  }
  return {
    ...remixContext,
    staticHandlerContext: { ...context, errors, statusCode: replacement.status },
    serverHandoffString: escapeForScript(JSON.stringify(handoff)),
  };
}

// The same escaping Remix applies to its handoff string (it is inlined into a <script>).
function escapeForScript(json: string) {
  const map: Record<string, string> = { "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };
  return json.replace(/[&><\u2028\u2029]/g, (match) => map[match]);
}

/** Called by server.mjs before it listens: configuration checked, migrations applied at every start. */
export async function prepareDatabase() {
  checkStartupConfiguration();
  const { getDatabaseHandle } = await import("#db/client.server");
  const { applyMigrations } = await import("#db/migrate.server");
  await applyMigrations(getDatabaseHandle());
  await ensureSigningKey();
  // Markdown stored by an older renderer (or before it was stored at all) is re-rendered by a job.
  const { enqueueStaleMarkdownRendering } = await import("~/server/markdown/rerender-job.server");
  await enqueueStaleMarkdownRendering();
  if (benchQueryLog()) countQueriesPerRequest(getDatabaseHandle());
}

export async function closeDatabase() {
  const { getDatabaseHandle } = await import("#db/client.server");
  await getDatabaseHandle().close();
}
