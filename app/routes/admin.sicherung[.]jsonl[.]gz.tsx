import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "#db/client.server";
import { recordAudit } from "~/accounts/audit.server";
import { requirePermission } from "~/policy.server";
import { backupResponse } from "~/server/backup/http.server";
import { postOnly } from "~/lib/post-only";

/**
 * The backup file for the button on /admin/sicherung. A resource route, so the stream reaches the
 * browser as it is; a POST, because the download is recorded in the audit log (loaders never write).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "download:backup");
  await recordAudit(db, { actorId: user.id, action: "backup.downloaded" });
  return backupResponse();
}

/** The download is a POST (it is audited); a plain GET is told so. */
export function loader() {
  throw postOnly();
}
