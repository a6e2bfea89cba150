// What server.mjs needs from the build for running the process (decision records 050, 051):
// exported once through entry.server.tsx as `operations`.
import { heldLocks } from "#db/folder-lock.server";

export { requestLog } from "./request-log.server";
export { healthz, readyz } from "./health.server";
export { installGracefulShutdown, trackRequests } from "./graceful-shutdown.server";
export { onShutdown } from "./shutdown.server";
export { backupForTool, TOOL_BACKUP_PATH } from "./backup/http.server";
export { answerClientError } from "./client-error.server";

/** The second process on a PGlite folder: its German message, for server.mjs to print before exiting 1. */
export function folderLockedMessage(error: unknown): string | null {
  return (error as { code?: string })?.code === "PORTAL_DB_LOCKED" ? (error as Error).message : null;
}

/** After listen: the PGlite lock names the port, so `npm run db:backup` can ask this process. */
export function publishListeningPort(port: number) {
  for (const lock of heldLocks()) lock.update({ port });
}
