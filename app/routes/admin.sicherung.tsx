import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ErrorPage } from "~/ui/error-page";
import { t } from "~/i18n/de";
import { recordAudit } from "~/accounts/audit.server";
import { requirePermission } from "~/policy.server";
import { backupResponse } from "~/server/backup/http.server";
import { db } from "#db/client.server";

export const meta: MetaFunction = () => [{ title: `${t.operations.backup.title} – Digitalbeirat` }];

const text = t.operations.backup;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "download:backup");
  return null;
}

/** The download is a POST: it is recorded in the audit log, and loaders never write. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "download:backup");
  await recordAudit(db, { actorId: user.id, action: "backup.downloaded" });
  return backupResponse();
}

export default function BackupPage() {
  return (
    <section aria-labelledby="backup-title" className="max-w-2xl space-y-4">
      <h1 id="backup-title">{text.title}</h1>
      <p>{text.intro}</p>
      <p>{text.caution}</p>
      {/* A plain form: the browser saves the answer as a file. */}
      <form method="post">
        <button type="submit" className="btn">
          {text.download}
        </button>
      </form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage messages={{ 403: text.adminOnly }} />;
}
