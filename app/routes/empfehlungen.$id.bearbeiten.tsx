import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { CorrectionForm } from "~/recommendations/ui/correction-form";
import { RecommendationForm, valuesFromForm } from "~/recommendations/ui/recommendation-form";
import { t } from "~/i18n/de";
import { loadEditPage, submitEdit } from "~/recommendations/editing.server";
import { requireUser } from "~/policy.server";
import { readForm, routeId } from "~/lib/fields";
import { pageOrRefusal } from "~/server/refusal-response.server";

export const meta: MetaFunction = () => [{ title: `${t.recommendations.form.editTitle} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = routeId(params.id, t.recommendations.notFound);
  return json(await pageOrRefusal(loadEditPage({ id, user })));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = routeId(params.id, t.recommendations.notFound);
  const form = await readForm(request);
  const result = await pageOrRefusal(submitEdit({ id, user, form }));
  if (!result.ok)
    return json({ errors: result.errors, values: valuesFromForm(form), note: String(form.get("correctionNote") ?? "") }, { status: result.status });
  return redirect(`/empfehlungen/${id}`, 303);
}

export default function EditRecommendationPage() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const f = t.recommendations.form;
  return (
    <section aria-labelledby="edit-title" className="max-w-3xl">
      <p className="text-sm">
        <a href={`/empfehlungen/${page.id}`}>{page.values.title}</a>
      </p>
      <h1 id="edit-title">{page.mode === "draft" ? f.editTitle : f.correctTitle}</h1>
      {page.mode === "draft" ? (
        <RecommendationForm
          values={data?.values ?? page.values}
          errors={data?.errors ?? {}}
          options={page.options}
          submitLabel={f.save}
          baseVersion={page.latestVersion}
        />
      ) : (
        <CorrectionForm values={data?.values ?? page.values} note={data?.note ?? ""} errors={data?.errors ?? {}} />
      )}
    </section>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.recommendations.notFound });
