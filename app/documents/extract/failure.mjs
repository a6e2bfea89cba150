// @ts-check
/**
 * Why a document's text could not be extracted. Thrown inside the worker and passed to the main
 * thread as `{ reason, detail }`; index.server.ts turns it into a TextExtractionError.
 * @typedef {"too-large" | "unsupported-type" | "unreadable" | "encrypted" | "zip-limits" | "timeout" | "memory" | "worker-failed"} ExtractionFailureReason
 */

export class ExtractionFailure extends Error {
  /**
   * @param {ExtractionFailureReason} reason
   * @param {string} detail
   */
  constructor(reason, detail) {
    super(`${reason}: ${detail}`);
    this.name = "ExtractionFailure";
    this.reason = reason;
    this.detail = detail;
  }
}
