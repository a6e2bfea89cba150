// SIGTERM (and SIGINT) without losing work (decision record 051): stop accepting connections,
// let the requests in flight finish (bounded), run the shutdown hooks (a job runner finishes the
// job at hand), close the database (which releases the PGlite folder lock), exit 0.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { runShutdownHooks } from "./shutdown.server";

let inFlight = 0;
let draining = false;

/** Middleware: counts requests until their response is done; while draining, ends keep-alive. */
export function trackRequests(_req: IncomingMessage, res: ServerResponse, next: () => void) {
  inFlight += 1;
  let counted = true;
  const done = () => {
    if (!counted) return;
    counted = false;
    inFlight -= 1;
  };
  res.once("finish", done);
  res.once("close", done);
  // A request that came in on an open keep-alive connection is served, then that connection closes.
  if (draining) res.setHeader("Connection", "close");
  next();
}

export function requestsInFlight() {
  return inFlight;
}

export function shutdownTimeoutMs() {
  const seconds = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 10_000;
}

/**
 * Installs the SIGTERM/SIGINT handler on a listening server. closeDatabase is called once the
 * requests and hooks are done or the bound is reached; then the process exits with 0.
 */
export function installGracefulShutdown(server: Server, closeDatabase: () => Promise<void>, log: (line: string) => void = console.log) {
  let started = false;
  const shutdown = async (signal: string) => {
    if (started) {
      if (signal === "SIGINT") process.exit(1); // a second Ctrl-C: leave now
      return;
    }
    started = true;
    draining = true;
    const began = Date.now();
    const deadline = began + shutdownTimeoutMs();
    log(`${signal}: nehme keine neuen Verbindungen mehr an, ${inFlight} Anfrage(n) laufen noch`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const hooks = runShutdownHooks(deadline);
    while (inFlight > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (inFlight > 0) log(`Herunterfahren: ${inFlight} Anfrage(n) nach Fristablauf abgebrochen`);
    server.closeAllConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())))]);
    await hooks;
    try {
      await closeDatabase();
    } catch (error) {
      log(`Herunterfahren: Datenbank nicht sauber geschlossen: ${String(error)}`);
      process.exit(1);
    }
    log(`Beendet nach ${Date.now() - began} ms`);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
