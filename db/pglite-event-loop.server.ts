// PGlite runs a query synchronously inside WebAssembly and settles its promise without giving
// Node's event loop a turn. Code that awaits query after query therefore holds the loop for as
// long as it keeps querying: the Markdown re-render job on the 100 % bench board (minutes) kept
// server.mjs from listening, from answering any request and from handling SIGTERM until it was
// done. Every query and transaction on the client first lets the loop turn once when it has not
// turned for a few milliseconds: short request chains never wait, long ones share the process.
import type { PGlite } from "@electric-sql/pglite";

/** How long PGlite work may hold the event loop before the next query waits for one turn. */
const LOOP_BUDGET_MS = 20;

// A client opened again (the test workers' reused database, one openPglite per file) keeps its
// one wrapper instead of gaining another layer each time.
const sharing = new WeakSet<PGlite>();

export function shareEventLoop(client: PGlite): PGlite {
  if (sharing.has(client)) return client;
  sharing.add(client);
  let probePending = false;
  let probeSince = 0;
  const loopTurned = () => {
    probePending = false;
  };
  // A probe scheduled with setImmediate runs once the loop turns; while it has not run, the
  // loop has been held since it was scheduled.
  async function waitWhenLoopHeld() {
    if (!probePending) {
      probePending = true;
      probeSince = performance.now();
      setImmediate(loopTurned);
      return;
    }
    if (performance.now() - probeSince < LOOP_BUDGET_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    query: async (...args: Parameters<PGlite["query"]>) => {
      await waitWhenLoopHeld();
      return query(...args);
    },
    exec: async (...args: Parameters<PGlite["exec"]>) => {
      await waitWhenLoopHeld();
      return exec(...args);
    },
    transaction: async (...args: Parameters<PGlite["transaction"]>) => {
      await waitWhenLoopHeld();
      return transaction(...args);
    },
  });
  return client;
}
