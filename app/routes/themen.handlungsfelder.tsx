import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { createField, deleteField, listFields, updateField } from "~/topics/fields-of-action.server";
import { FieldFormSchema } from "~/topics/schemas.server";
import { requirePermission } from "~/policy.server";
import { parseId, readForm } from "~/lib/fields";
import { DataTable } from "~/ui/table";
import { Field, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

const f = t.topics.fields;
export const meta: MetaFunction = () => [{ title: `${f.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:field");
  return json({ fields: await listFields() });
}

type Feedback = { target: string; errors: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:field");
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const id = parseId(String(form.get("id") ?? ""));
  const target = intent === "create" ? "new" : `field-${id}`;
  if (intent !== "create" && !id) return json<Feedback>({ target: "new", errors: { form: t.topics.errors.unknownIntent } }, { status: 400 });
  if (intent === "delete") {
    const result = await deleteField({ actor: user, id: id! });
    return result.ok ? redirect("/themen/handlungsfelder") : json<Feedback>({ target, errors: { form: result.errors.form } }, { status: result.status });
  }
  if (intent !== "create" && intent !== "update") return json<Feedback>({ target: "new", errors: { form: t.topics.errors.unknownIntent } }, { status: 400 });
  const parsed = parseForm(FieldFormSchema, form);
  if (!parsed.ok) return json<Feedback>({ target, errors: parsed.errors }, { status: 422 });
  const result = intent === "create" ? await createField({ actor: user, ...parsed.data }) : await updateField({ actor: user, id: id!, ...parsed.data });
  return result.ok ? redirect("/themen/handlungsfelder") : json<Feedback>({ target, errors: { form: result.errors.form } }, { status: result.status });
}

function Inputs({ prefix, name, position, errors }: { prefix: string; name: string; position: number; errors: Record<string, string> }) {
  return (
    <>
      <Field name="name" label={f.name} idPrefix={`${prefix}-`} errors={errors} defaultValue={name} required maxLength={80} />
      <Field
        name="position"
        type="number"
        label={f.position}
        idPrefix={`${prefix}-`}
        errors={errors}
        min={0}
        max={999}
        defaultValue={position}
        className="w-24"
      />
    </>
  );
}

export default function FieldsPage() {
  const { fields } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const errorsFor = (target: string) => (feedback?.target === target ? feedback.errors : {});
  return (
    <TitledSection id="fields-title" title={f.title} className="max-w-4xl">
      <p className="mb-4 text-slate-700">{f.intro}</p>
      <p className="no-print mb-4">
        <Link to="/themen">{t.topics.list.title}</Link>
      </p>
      <DataTable
        caption={f.caption}
        className="w-full"
        columns={[
          <>
            {f.name} / {f.position}
          </>,
          f.topicCount,
          f.actions,
        ]}
      >
        {fields.map((field) => {
          const errors = errorsFor(`field-${field.id}`);
          return (
            <tr key={field.id}>
              <td>
                <Form method="post" className="flex flex-wrap items-end gap-2" id={`field-form-${field.id}`}>
                  <input type="hidden" name="id" value={field.id} />
                  <Inputs prefix={`field-${field.id}`} name={field.name} position={field.position} errors={errors} />
                </Form>
                {errors.form ? (
                  <p role="alert" className="field-error">
                    {errors.form}
                  </p>
                ) : null}
              </td>
              <td>{field.topicCount}</td>
              <td className="space-x-2">
                <button type="submit" form={`field-form-${field.id}`} name="intent" value="update" className="btn-secondary">
                  {f.save}
                  <span className="sr-only"> {field.name}</span>
                </button>
                {field.topicCount === 0 ? (
                  <button type="submit" form={`field-form-${field.id}`} name="intent" value="delete" className="btn-danger">
                    {f.delete}
                    <span className="sr-only"> {field.name}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <h2>{f.add}</h2>
      <Form method="post" className="flex flex-wrap items-end gap-2" noValidate>
        {errorsFor("new").form ? (
          <p role="alert" className="field-error w-full">
            {errorsFor("new").form}
          </p>
        ) : null}
        <Inputs prefix="new" name="" position={(fields.at(-1)?.position ?? 0) + 10} errors={errorsFor("new")} />
        <SubmitButton intent="create">{f.add}</SubmitButton>
      </Form>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
