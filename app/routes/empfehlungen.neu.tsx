import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RecommendationForm, valuesFromForm, type FormValues } from "~/recommendations/ui/recommendation-form";
import { t } from "~/i18n/de";
import { createRecommendation, listLinkOptions, parseRecommendationForm } from "~/recommendations/drafting.server";
import { requirePermission } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.recommendations.form.newTitle} – Digitalbeirat` }];

const EMPTY: FormValues = { title: "", summary: "", body: "", papers: "", topics: [], rounds: [], meetingId: null };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "create:recommendation");
  return json({ options: await listLinkOptions() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:recommendation");
  const form = await readForm(request);
  const parsed = parseRecommendationForm(form);
  if (!parsed.ok) return json({ errors: parsed.errors, values: valuesFromForm(form) }, { status: 400 });
  const result = await createRecommendation({ actor: user, input: parsed.data });
  if (!result.ok) return json({ errors: result.errors, values: valuesFromForm(form) }, { status: result.status });
  return redirect(`/empfehlungen/${result.id}`, 303);
}

export default function NewRecommendationPage() {
  const { options } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <TitledSection id="new-title" title={t.recommendations.form.newTitle} className="max-w-3xl">
      <RecommendationForm values={data?.values ?? EMPTY} errors={data?.errors ?? {}} options={options} submitLabel={t.recommendations.form.create} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
