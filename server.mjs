// Production server: Express serving the Remix build. Applies migrations before it listens.
// The adapter's index exports only createRequestHandler; its request/response helpers live here.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { readdirSync } from "node:fs";
import { register } from "node:module";
import path from "node:path";

// Before the build (and with it postgres.js) is imported: see postgres-write-guard.mjs.
register("./postgres-write-guard.mjs", import.meta.url);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const buildDir = process.env.REMIX_BUILD_DIR;
const build = await import(buildDir ? path.resolve(buildDir, "server/index.js") : "./build/index.js");
const assetsDir = buildDir ? path.resolve(buildDir, "public/build") : "public/build";
// Running the process (app/server/operations.server.ts): folder lock, request log, probes, shutdown.
const ops = build.entry.module.operations;

// A database that is still starting (or restarting) is waited for, up to 30 s, instead of exiting.
for (let attempt = 1; ; attempt++) {
  try {
    await build.entry.module.prepareDatabase();
    break;
  } catch (error) {
    const locked = ops.folderLockedMessage(error);
    if (locked) {
      console.error(locked);
      process.exit(1);
    }
    if (attempt >= 30 || !build.entry.module.isDatabaseUnavailable(error)) throw error;
    console.warn(`Datenbank nicht erreichbar (${String(error?.code ?? error)}), neuer Versuch in 1 s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", build.entry.module.trustProxySetting());
// Security headers and the CSP nonce on every response, assets and refusals included.
app.use(build.entry.module.securityHeaders);
installOperations(app);
app.use(compression());
app.use("/build", express.static(assetsDir, { immutable: true, maxAge: "1y" }));
app.use(publicFiles("public"));

// Issue 14: method, path, Origin/Sec-Fetch-Site, content type, body size and field count are
// checked before Remix (app/server/request-guards.server.ts); refusals are short German pages.
app.use(build.entry.module.requestGuards());

// Each request runs in its own scope (database outage flag, bench query count); the entry
// module turns a database outage into 503 + Retry-After instead of a 500.
const entry = build.entry.module;
const handleRemixRequest = createRequestHandler(build, process.env.NODE_ENV ?? "production");
app.all("*", (req, res, next) =>
  entry
    .runInRequestScope(async () => {
      const request = entry.withBufferedBody(createRemixRequest(req, res), req);
      const finished = entry.finishResponse(request, await handleRemixRequest(request, entry.loadContext(req, res)));
      // ETag on pages, data requests and feeds; a matching If-None-Match gets a 304 without a new CSP.
      const response = await entry.withHttpCaching(request, finished, res, build.assets.version);
      // A route's own policy (document downloads) replaces the global one instead of adding a second.
      if (response.headers.has("Content-Security-Policy")) res.removeHeader("Content-Security-Policy");
      if (response.headers.has("X-Content-Type-Options")) res.removeHeader("X-Content-Type-Options");
      await sendRemixResponse(res, response);
    })
    .catch(next),
);

app.use(build.entry.module.refuseBodyErrors);

// Errors outside Remix's own handling: a database outage is a 503, anything else a 500.
app.use((error, req, res, next) => {
  if (res.headersSent) return next(error);
  if (entry.isDatabaseUnavailable(error)) {
    res.status(503).set({ "Retry-After": String(entry.RETRY_AFTER_SECONDS), "Cache-Control": "no-store" });
    res.type("html").send(entry.unavailableHtml());
    return;
  }
  console.error(error);
  res.status(500).type("text/plain; charset=utf-8").send("Interner Fehler.");
});

// A lost database connection must never take the process down: postgres.js reconnects on
// the next query. Other unexpected errors are logged; only non-database exceptions exit.
process.on("unhandledRejection", (reason) => {
  if (!entry.isDatabaseUnavailable(reason)) console.error("Unbehandelte Zurückweisung:", reason);
});
process.on("uncaughtException", (error) => {
  if (entry.isDatabaseUnavailable(error)) return;
  console.error(error);
  process.exit(1);
});

const server = app.listen(port, host, () => {
  ops.publishListeningPort(server.address().port);
  console.log(`Digitalbeirat-Portal läuft auf http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});
// Requests Node cannot parse are answered without a reset while the client still sends.
server.on("clientError", ops.answerClientError);
// SIGTERM: stop accepting, finish requests in flight and shutdown hooks (bounded), close the database, exit 0.
ops.installGracefulShutdown(server, () => build.entry.module.closeDatabase());

// Background jobs (mail, digests, …) from the job table; JOBS_ENABLED=false leaves them to other processes.
// On SIGTERM the runner finishes the job at hand before the database is closed (shutdown hook).
const jobRunner = process.env.JOBS_ENABLED === "false" ? null : entry.startJobRunner();
if (jobRunner) ops.onShutdown("Hintergrundaufgaben", () => jobRunner.stop());

/**
 * The files in public/ (favicon, …), served under their own names only: a page request does not
 * touch the disk first (a stat per request, issue 15). /build is served above, under its prefix.
 */
function publicFiles(folder) {
  let names;
  try {
    names = new Set(readdirSync(folder).filter((name) => name !== "build"));
  } catch {
    names = new Set();
  }
  const serve = express.static(folder, { maxAge: "1h" });
  return (req, res, next) => (names.has(req.path.split("/")[1]) ? serve(req, res, next) : next());
}

/** Before everything else: request log and X-Request-Id, in-flight count, health probes. */
function installOperations(app) {
  app.use(ops.requestLog);
  app.use(ops.trackRequests);
  app.get("/healthz", ops.healthz);
  app.get("/readyz", ops.readyz);
  app.get(ops.TOOL_BACKUP_PATH, ops.backupForTool);
}
