import { AsyncLocalStorage } from "node:async_hooks";
import type { DatabaseHandle } from "#db/client.server";

/** Per-request state that the server (server.mjs) opens around every Remix request. */
export type RequestScope = { databaseUnavailable: boolean; invalidInput: boolean; queries: number; memo: Map<string, Promise<unknown>> };

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ databaseUnavailable: false, invalidInput: false, queries: 0, memo: new Map() }, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * One result per request for a read that several loaders of a page share (Remix hands each loader
 * its own Request object, so a WeakMap on the request misses). Outside a scope: no memo.
 */
export function memoInRequestScope<T>(key: string, read: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  if (!scope) return read();
  let pending = scope.memo.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    scope.memo.set(key, pending);
  }
  return pending;
}

/** A mark on the current request, kept in its scope, which the error handling reads later. */
function requestMark(name: "databaseUnavailable" | "invalidInput") {
  // Without a scope (tests calling loaders directly, other servers) the request object is the key.
  const marked = new WeakSet<Request>();
  const mark = (request: Request) => {
    marked.add(request);
    const scope = storage.getStore();
    if (scope) scope[name] = true;
  };
  const isMarked = (request: Request) => marked.has(request) || storage.getStore()?.[name] === true;
  return { mark, isMarked };
}

export const { mark: markDatabaseUnavailable, isMarked: isMarkedUnavailable } = requestMark("databaseUnavailable");
export const { mark: markInvalidInput, isMarked: isMarkedInvalidInput } = requestMark("invalidInput");

/** Bench mode: BENCH_QUERY_LOG=1 counts statements per request, =sql also prints them. */
export function benchQueryLog() {
  const value = process.env.BENCH_QUERY_LOG;
  return value === "1" || value === "sql";
}

/**
 * Bench mode (BENCH_QUERY_LOG=1): count each SQL statement against the request that issued
 * it. Drizzle hands the same logger object to every session and transaction, so wrapping its
 * logQuery once covers them all; the process-global counter in db/client.server.ts keeps working.
 */
export function countQueriesPerRequest(handle: DatabaseHandle) {
  // BENCH_QUERY_LOG=sql also prints each statement (numbered within its request) to stderr.
  const printStatements = process.env.BENCH_QUERY_LOG === "sql";
  const session = (handle.db as unknown as { session?: { logger?: { logQuery: (query: string, params: unknown[]) => void } } }).session;
  const logger = session?.logger;
  if (!logger) throw new Error("Drizzle-Logger nicht gefunden: Abfragezähler nicht verfügbar");
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, params) => {
    original(query, params);
    const scope = storage.getStore();
    if (scope) scope.queries += 1;
    if (printStatements) console.error(`[sql ${scope?.queries ?? "-"}] ${query.slice(0, 300)}`);
  };
}
