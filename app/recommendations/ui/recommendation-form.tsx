import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { Field, FormAlert, TextareaField, SelectField, SubmitButton } from "~/ui/form";
import { meetingOptions, type MeetingChoice } from "./meeting-options";

const f = t.recommendations.form;

export type LinkOptions = {
  topics: Array<{ id: number; title: string }>;
  rounds: Array<{ id: number; title: string }>;
  meetings: MeetingChoice[];
};
export type FormValues = {
  title: string;
  summary: string;
  body: string;
  papers: string;
  topics: number[];
  rounds: number[];
  meetingId: number | null;
};

function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  error,
}: {
  name: string;
  legend: string;
  options: Array<{ id: number; title: string }>;
  checked: number[];
  error?: string;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="rounded border border-slate-300 p-3" aria-describedby={error ? `field-${name}-error` : undefined}>
      <legend className="px-1 font-medium">{legend}</legend>
      {options.map((option) => (
        <label key={option.id} className="flex items-center gap-2 font-normal">
          <input type="checkbox" name={name} value={option.id} defaultChecked={checked.includes(option.id)} />
          {option.title}
        </label>
      ))}
      {error ? (
        <p id={`field-${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Title, summary, Markdown body, linked papers by reference, topics, rounds and meeting. */
export function RecommendationForm({
  values,
  errors,
  options,
  submitLabel,
  baseVersion,
}: {
  values: FormValues;
  errors: Record<string, string>;
  options: LinkOptions;
  submitLabel: string;
  baseVersion?: number;
}) {
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormAlert message={errors.form} />
      {baseVersion ? <input type="hidden" name="baseVersion" value={baseVersion} /> : null}
      <Field name="title" label={f.title} defaultValue={values.title} error={errors.title} required maxLength={200} />
      <TextareaField name="summary" label={f.summary} hint={f.summaryHint} defaultValue={values.summary} error={errors.summary} rows={3} />
      <TextareaField name="body" label={f.body} defaultValue={values.body} error={errors.body} rows={14} required />
      <Field name="papers" label={f.papers} hint={f.papersHint} defaultValue={values.papers} error={errors.papers} />
      <CheckboxGroup name="topics" legend={f.topics} options={options.topics} checked={values.topics} error={errors.topics} />
      <CheckboxGroup name="rounds" legend={f.rounds} options={options.rounds} checked={values.rounds} error={errors.rounds} />
      <SelectField
        name="meetingId"
        label={f.meeting}
        errors={errors}
        defaultValue={values.meetingId ?? ""}
        options={meetingOptions(options.meetings, f.noMeeting)}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}

/** Form values back from a submitted form, so a refused save keeps what was typed. */
export function valuesFromForm(form: FormData): FormValues {
  const text = (key: string) => String(form.get(key) ?? "");
  const ids = (key: string) => form.getAll(key).map(Number).filter(Number.isInteger);
  return {
    title: text("title"),
    summary: text("summary"),
    body: text("body"),
    papers: text("papers"),
    topics: ids("topics"),
    rounds: ids("rounds"),
    meetingId: Number(form.get("meetingId")) || null,
  };
}
