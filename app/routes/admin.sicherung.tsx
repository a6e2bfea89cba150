import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { errorBoundaryWith } from "~/ui/error-page";
import { t } from "~/i18n/de";
import { requirePermission } from "~/policy.server";
import { SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.operations.backup.title} – Digitalbeirat` }];

const text = t.operations.backup;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "download:backup");
  return null;
}

export default function BackupPage() {
  return (
    <TitledSection id="backup-title" title={text.title} className="max-w-2xl space-y-4">
      <p>{text.intro}</p>
      <p>{text.caution}</p>
      {/* A plain form to the resource route: the browser saves the answer as a file. */}
      <form method="post" action="/admin/sicherung.jsonl.gz">
        <SubmitButton>{text.download}</SubmitButton>
      </form>
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: text.adminOnly });
