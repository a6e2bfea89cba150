import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TopicForm } from "~/topics/ui/topic-form";
import { t } from "~/i18n/de";
import { readTopicForm } from "~/topics/topic-form.server";
import { createTopic, listFieldOptions } from "~/topics/topics.server";
import { TopicFormSchema } from "~/topics/schemas.server";
import { requirePermission } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.topics.form.newTitle} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "create:topic");
  return json({ fields: await listFieldOptions() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:topic");
  const read = readTopicForm(await readForm(request), TopicFormSchema);
  if (!read.ok) return json(read.feedback, { status: read.status });
  const result = await createTopic({ author: user, input: read.data });
  if (!result.ok)
    return json({ values: read.values, errors: { fieldId: result.errors.form } as Record<string, string>, previewHtml: null }, { status: result.status });
  return redirect(`/themen/${result.slug}`);
}

export default function NewTopicPage() {
  const { fields } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <TitledSection id="new-topic-title" title={t.topics.form.newTitle}>
      <TopicForm fields={fields} values={data?.values ?? {}} errors={data?.errors ?? {}} previewHtml={data?.previewHtml} submitLabel={t.topics.form.create} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
