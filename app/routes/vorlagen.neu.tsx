import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { PaperForm } from "~/papers/ui/paper-form";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { PaperSchema } from "~/papers/schemas.server";
import { paperPath } from "~/papers/paper-path";
import { createPaper } from "~/papers/papers.server";
import { requirePermission } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.papers.newPaper} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:paper");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:paper");
  const parsed = parseForm(PaperSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 422 });
  const result = await createPaper({ actorId: user.id, input: parsed.data });
  if (!result.ok) return json({ errors: result.errors }, { status: result.status });
  return redirect(`${paperPath(result.reference)}/gremienweg`);
}

export default function NewPaperPage() {
  const data = useActionData<typeof action>();
  return (
    <TitledSection id="new-paper-title" title={t.papers.newPaper}>
      <PaperForm errors={data?.errors ?? {}} submitLabel={t.papers.newPaper} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
