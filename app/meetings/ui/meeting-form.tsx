import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { Checkbox, FormAlert, FormField } from "./form-field";

export type MeetingFormValues = {
  name: string;
  start: string;
  end: string;
  locationRoom: string | null;
  locationAddress: string | null;
  state: string;
  cancelled: boolean;
  cancellationReason: string | null;
};

export function MeetingForm({ values, errors, submitLabel }: { values?: MeetingFormValues; errors: Record<string, string>; submitLabel: string }) {
  const f = t.meetings.fields;
  return (
    <Form method="post" className="max-w-2xl space-y-4" noValidate>
      <FormAlert message={errors.form} />
      <FormField name="name" label={f.name} hint={f.nameHint} errors={errors} defaultValue={values?.name} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="start" label={f.start} hint={f.timeHint} type="datetime-local" errors={errors} defaultValue={values?.start} required />
        <FormField name="end" label={f.end} hint={f.timeHint} type="datetime-local" errors={errors} defaultValue={values?.end} required />
      </div>
      <FormField name="locationRoom" label={f.locationRoom} errors={errors} defaultValue={values?.locationRoom} />
      <FormField name="locationAddress" label={f.locationAddress} errors={errors} defaultValue={values?.locationAddress} />
      <FormField name="state" label={f.state} errors={errors} defaultValue={values?.state ?? "terminiert"}>
        {Object.keys(t.meetings.states).map((state) => (
          <option key={state} value={state}>{t.meetings.states[state]}</option>
        ))}
      </FormField>
      <fieldset className="space-y-2 border border-slate-300 p-3">
        <legend>{t.meetings.cancelled}</legend>
        <Checkbox name="cancelled" label={f.cancelled} defaultChecked={values?.cancelled} errors={errors} />
        <FormField name="cancellationReason" label={f.cancellationReason} errors={errors} defaultValue={values?.cancellationReason} multiline={2} />
      </fieldset>
      <button type="submit" className="btn">{submitLabel}</button>
    </Form>
  );
}
