import { Worker } from "node:worker_threads";
import type { ExtractionFailureReason } from "./failure.mjs";
import type { ExtractionLimits } from "./limits.server";

export type WorkerResult = { text: string | null; pages: number | null; hasTextLayer: boolean };
type WorkerMessage = { ok: true; result: WorkerResult } | { ok: false; reason: ExtractionFailureReason; detail: string };

/**
 * Why no text could be read. Every reason is a property of the file (the same bytes fail the same
 * way), so a job should record it and not retry: "too-large", "unsupported-type", "unreadable"
 * (corrupt or truncated), "encrypted", "zip-limits" (a zip bomb or an oversized office file),
 * "timeout" (the worker was terminated), "memory" (the worker hit its heap limit),
 * "worker-failed" (the worker ended without an answer).
 */
export class TextExtractionError extends Error {
  constructor(
    readonly reason: ExtractionFailureReason,
    readonly detail: string,
  ) {
    super(`Text extraction failed (${reason}): ${detail}`);
    this.name = "TextExtractionError";
  }
}

// Two cores here; more parallel parses would only slow each other and multiply the heap limit.
const MAX_RUNNING = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Runs one extraction in a fresh worker thread. On the time limit the worker is terminated — its
 * termination is not awaited, a parse stuck in a loop cannot delay the answer — and the promise
 * rejects with TextExtractionError("timeout"). The bytes are copied and the copy transferred.
 */
export function runInWorker(script: string, bytes: Uint8Array, mimeType: string, limits: ExtractionLimits): Promise<WorkerResult> {
  return slot(
    () =>
      new Promise<WorkerResult>((resolve, reject) => {
        // A fresh copy: Buffer#slice shares memory, and transferring a shared buffer would detach the caller's.
        const copy = new Uint8Array(bytes.byteLength);
        copy.set(bytes);
        const worker = new Worker(script, {
          workerData: { bytes: copy, mimeType, limits: { maxPages: limits.maxPages, maxTextChars: limits.maxTextChars, zip: limits.zip } },
          transferList: [copy.buffer],
          resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
          execArgv: [],
          stdout: true,
          stderr: true,
        });
        // Read and dropped: pdfjs' warnings about odd files are no news for the log.
        worker.stdout.resume();
        worker.stderr.resume();
        let settled = false;
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          void worker.terminate();
          outcome();
        };
        const fail = (reason: ExtractionFailureReason, detail: string) => finish(() => reject(new TextExtractionError(reason, detail)));
        const timer = setTimeout(() => fail("timeout", `no answer within ${limits.timeMs} ms, worker terminated`), limits.timeMs);

        worker.on("message", (message: WorkerMessage) => {
          if (message.ok) finish(() => resolve(message.result));
          else fail(message.reason, message.detail);
        });
        worker.on("error", (error: Error & { code?: string }) => {
          if (error.code === "ERR_WORKER_OUT_OF_MEMORY") fail("memory", `worker exceeded ${limits.heapMb} MB heap`);
          else fail("worker-failed", error.message);
        });
        worker.on("exit", (code) => fail("worker-failed", `worker exited with code ${code} without an answer`));
      }),
  );
}
