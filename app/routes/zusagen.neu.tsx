import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentForm } from "~/commitments/ui/commitment-form";
import { t } from "~/i18n/de";
import { parseId, readForm } from "~/lib/fields";
import { redirectAfterChange } from "~/lib/redirect.server";
import { createCommitment, listCommitmentFormOptions } from "~/commitments/commitments.server";
import { parseCommitmentForm } from "~/commitments/schemas.server";
import { requirePermission } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.commitments.create} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "record:commitment");
  const url = new URL(request.url);
  const recommendationId = parseId(url.searchParams.get("empfehlung"));
  const sourcePaper = (url.searchParams.get("vorlage") ?? "").slice(0, 100);
  return json({ options: await listCommitmentFormOptions(), defaults: { sourcePaper, recommendationIds: recommendationId ? [recommendationId] : [] } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "record:commitment");
  const parsed = parseCommitmentForm(await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 422 });
  const result = await createCommitment({ actor: user, input: parsed.data });
  if (!result.ok) return json({ errors: result.errors }, { status: result.status });
  return redirectAfterChange(`/zusagen/${result.id}`);
}

export default function NewCommitmentPage() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <TitledSection id="new-commitment-title" title={t.commitments.create}>
      <CommitmentForm options={options} defaults={defaults} errors={data?.errors ?? {}} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
