import { Form } from "@remix-run/react";
import { MarkdownEditor } from "~/ui/markdown-editor";
import { t } from "~/i18n/de";
import { Field, FieldError, FormAlert, SelectField, SubmitButton } from "~/ui/form";

type Values = { title?: string; body?: string; fieldId?: number | string; visibility?: string; status?: string };

type Props = {
  fields: Array<{ id: number; name: string }>;
  values: Values;
  errors: Record<string, string>;
  previewHtml?: string | null;
  submitLabel: string;
  withStatus?: boolean;
};

function describe(name: string, errors: Record<string, string>) {
  return errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
}

/** One radio button per label, in the labels' order. */
function RadioGroup({
  name,
  legend,
  labels,
  checked,
  errors,
}: {
  name: string;
  legend: string;
  labels: Record<string, string>;
  checked: string;
  errors: Record<string, string>;
}) {
  return (
    <fieldset className="flex flex-col gap-1" {...describe(name, errors)}>
      <legend className="font-medium">{legend}</legend>
      {Object.entries(labels).map(([value, label]) => (
        <label key={value} className="font-normal">
          <input type="radio" name={name} value={value} defaultChecked={checked === value} /> {label}
        </label>
      ))}
      <FieldError id={`${name}-error`} message={errors[name]} />
    </fieldset>
  );
}

/** Create and edit share this form; it works without JavaScript. */
export function TopicForm({ fields, values, errors, previewHtml, submitLabel, withStatus }: Props) {
  return (
    <Form method="post" className="max-w-3xl space-y-4" noValidate>
      <FormAlert message={errors.form} flush />
      <Field
        name="title"
        idPrefix=""
        className="gap-1"
        label={t.topics.form.title}
        hint={t.topics.form.titleHint}
        errors={errors}
        defaultValue={values.title ?? ""}
        required
        maxLength={200}
      />
      <SelectField
        name="fieldId"
        idPrefix=""
        className="gap-1"
        label={t.topics.form.field}
        errors={errors}
        defaultValue={String(values.fieldId ?? "")}
        required
        options={[{ value: "", label: "–" }, ...fields.map((field) => ({ value: String(field.id), label: field.name }))]}
      />
      <RadioGroup name="visibility" legend={t.topics.form.visibility} labels={t.topics.visibility} checked={values.visibility ?? "internal"} errors={errors} />
      {withStatus ? (
        <RadioGroup name="status" legend={t.topics.form.status} labels={t.topics.status} checked={values.status ?? "open"} errors={errors} />
      ) : null}
      <MarkdownEditor
        id="body"
        label={t.topics.form.body}
        hint={t.topics.form.bodyHint}
        defaultValue={values.body}
        error={errors.body}
        previewHtml={previewHtml}
        rows={10}
      />
      <SubmitButton intent="save">{submitLabel}</SubmitButton>
    </Form>
  );
}
