// What a process finishes before it exits on SIGTERM (decision record 051). Modules that own work
// outliving a request (the job runner) register here; server.mjs runs the hooks once the server
// stops accepting, in parallel with the requests still in flight, and closes the database after
// both are done or the bound has passed.

export type ShutdownHook = () => Promise<void> | void;

const hooks = new Map<string, ShutdownHook>();
let shuttingDown = false;

/** Registers (or replaces) a hook under a name; returns a function that removes it again. */
export function onShutdown(name: string, hook: ShutdownHook): () => void {
  hooks.set(name, hook);
  return () => {
    if (hooks.get(name) === hook) hooks.delete(name);
  };
}

/** True from the first SIGTERM on: a job runner claims no new job, /readyz answers 503. */
export function isShuttingDown() {
  return shuttingDown;
}

/**
 * Runs every hook once, in parallel, each bounded by the deadline; a hook that fails or takes
 * longer is reported by name and does not keep the process from exiting.
 */
export async function runShutdownHooks(deadline: number, log: (line: string) => void = console.warn) {
  shuttingDown = true;
  const running = [...hooks].map(async ([name, hook]) => {
    const remaining = Math.max(0, deadline - Date.now());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), remaining)));
    try {
      const outcome = await Promise.race([Promise.resolve().then(hook), timeout]);
      if (outcome === "timeout") log(`Herunterfahren: „${name}“ nach Fristablauf nicht fertig`);
    } catch (error) {
      log(`Herunterfahren: „${name}“ fehlgeschlagen: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  });
  await Promise.all(running);
  hooks.clear();
}

/** Tests only. */
export function resetShutdownForTests() {
  shuttingDown = false;
  hooks.clear();
}
