import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { Field, FormAlert, TextareaField, SubmitButton } from "~/ui/form";

const f = t.recommendations.form;

/** A correction of a published text: new text plus the note shown with it. */
export function CorrectionForm({
  values,
  note,
  errors,
}: {
  values: { title: string; summary: string; body: string };
  note: string;
  errors: Record<string, string>;
}) {
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormAlert message={errors.form} />
      <Field name="title" label={f.title} defaultValue={values.title} error={errors.title} required maxLength={200} />
      <TextareaField name="summary" label={f.summary} defaultValue={values.summary} error={errors.summary} rows={3} />
      <TextareaField name="body" label={f.body} defaultValue={values.body} error={errors.body} rows={14} required />
      <TextareaField name="correctionNote" label={f.correctionNote} defaultValue={note} error={errors.correctionNote} rows={2} required />
      <SubmitButton>{f.correct}</SubmitButton>
    </Form>
  );
}
