import { Form } from "@remix-run/react";
import type { MeetingSummaryData } from "./meeting-summary";
import { t } from "~/i18n/de";
import { CheckboxField, Field, FormAlert, SelectField, TextareaField, SubmitButton, labelOptions } from "~/ui/form";

export type MeetingFormValues = Omit<MeetingSummaryData, "id" | "cancellationReason"> & { cancellationReason: string | null };

export function MeetingForm({ values, errors, submitLabel }: { values?: MeetingFormValues; errors: Record<string, string>; submitLabel: string }) {
  const f = t.meetings.fields;
  return (
    <Form method="post" className="max-w-2xl space-y-4" noValidate>
      <FormAlert message={errors.form} />
      <Field name="name" label={f.name} hint={f.nameHint} errors={errors} defaultValue={values?.name} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="start" label={f.start} hint={f.timeHint} type="datetime-local" errors={errors} defaultValue={values?.start} required />
        <Field name="end" label={f.end} hint={f.timeHint} type="datetime-local" errors={errors} defaultValue={values?.end} required />
      </div>
      <Field name="locationRoom" label={f.locationRoom} errors={errors} defaultValue={values?.locationRoom} />
      <Field name="locationAddress" label={f.locationAddress} errors={errors} defaultValue={values?.locationAddress} />
      <SelectField name="state" label={f.state} errors={errors} defaultValue={values?.state ?? "terminiert"} options={labelOptions(t.meetings.states)} />
      <fieldset className="space-y-2 border border-slate-300 p-3">
        <legend>{t.meetings.cancelled}</legend>
        <CheckboxField name="cancelled" label={f.cancelled} defaultChecked={values?.cancelled} errors={errors} />
        <TextareaField name="cancellationReason" label={f.cancellationReason} errors={errors} defaultValue={values?.cancellationReason} rows={2} />
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
