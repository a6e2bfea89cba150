import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { CheckboxField, Field, FormAlert, SelectField, TextareaField, SubmitButton, labelOptions } from "~/ui/form";

export type PaperFormValues = {
  reference: string;
  paperType: string;
  name: string;
  date: string;
  originator: string;
  underDirectionOf: string | null;
  fileNumber: string | null;
  body: string;
  resolutionRecommendation: string | null;
  isPublic: boolean;
  relatedReferences: string;
};

export function PaperForm({ values, errors, submitLabel }: { values?: PaperFormValues; errors: Record<string, string>; submitLabel: string }) {
  const f = t.papers.fields;
  return (
    <Form method="post" className="max-w-3xl space-y-4" noValidate>
      <FormAlert message={errors.form} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="reference" label={f.reference} hint={f.referenceHint} errors={errors} defaultValue={values?.reference} required />
        <SelectField name="paperType" label={f.paperType} errors={errors} defaultValue={values?.paperType ?? "Antrag"} options={labelOptions(t.papers.types)} />
        <Field name="date" label={f.date} type="date" errors={errors} defaultValue={values?.date} required />
      </div>
      <TextareaField name="name" label={f.name} errors={errors} defaultValue={values?.name} rows={2} required />
      <Field name="originator" label={f.originator} hint={f.originatorHint} errors={errors} defaultValue={values?.originator} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="underDirectionOf" label={f.underDirectionOf} errors={errors} defaultValue={values?.underDirectionOf} />
        <Field name="fileNumber" label={f.fileNumber} errors={errors} defaultValue={values?.fileNumber} />
      </div>
      <TextareaField name="body" label={f.body} errors={errors} defaultValue={values?.body} rows={12} />
      <TextareaField
        name="resolutionRecommendation"
        label={f.resolutionRecommendation}
        errors={errors}
        defaultValue={values?.resolutionRecommendation}
        rows={4}
      />
      <Field name="relatedReferences" label={f.relatedReferences} hint={f.relatedHint} errors={errors} defaultValue={values?.relatedReferences} />
      <CheckboxField name="isPublic" label={f.isPublic} defaultChecked={values?.isPublic ?? true} errors={errors} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
