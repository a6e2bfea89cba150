import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TopicForm } from "~/topics/ui/topic-form";
import { t } from "~/i18n/de";
import { readTopicForm } from "~/topics/topic-form.server";
import { canEditTopic, getTopic, listFieldOptions, updateTopic } from "~/topics/topics.server";
import { TopicEditSchema } from "~/topics/schemas.server";
import { forbidden, notFound, requireUser } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.topics.form.editTitle} – Digitalbeirat` }];

async function requireEditableTopic(request: Request, slug: string) {
  const user = await requireUser(request);
  const topic = await getTopic({ reader: user, slug });
  if (!topic) notFound(t.topics.errors.topicNotFound);
  if (!canEditTopic(user, topic)) forbidden();
  return { user, topic };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { topic } = await requireEditableTopic(request, params.slug ?? "");
  const fields = await listFieldOptions();
  return json({
    fields,
    topic: { slug: topic.slug, title: topic.title, body: topic.body, fieldId: topic.fieldId, visibility: topic.visibility, status: topic.status },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireEditableTopic(request, params.slug ?? "");
  const read = readTopicForm(await readForm(request), TopicEditSchema);
  if (!read.ok) return json(read.feedback, { status: read.status });
  const result = await updateTopic({ actor: user, slug: params.slug ?? "", input: read.data });
  if (!result.ok)
    return json({ values: read.values, errors: { form: result.errors.form } as Record<string, string>, previewHtml: null }, { status: result.status });
  return redirect(`/themen/${result.slug}`);
}

export default function EditTopicPage() {
  const { fields, topic } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <TitledSection id="edit-topic-title" title={t.topics.form.editTitle}>
      <p className="no-print mb-4">
        <Link to={`/themen/${topic.slug}`}>{t.topics.comment.backToTopic}</Link>
      </p>
      <TopicForm
        fields={fields}
        values={data?.values ?? topic}
        errors={data?.errors ?? {}}
        previewHtml={data?.previewHtml}
        submitLabel={t.topics.form.save}
        withStatus
      />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
