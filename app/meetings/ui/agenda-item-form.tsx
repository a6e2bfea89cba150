import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { CheckboxField, Field, FormAlert, SelectField, TextareaField, SubmitButton } from "~/ui/form";

export type AgendaItemFormValues = {
  id?: number;
  number: string;
  name: string;
  description: string;
  isPublic: boolean;
  topicId: number | null;
  ratingRoundId: number | null;
  paperReference: string | null;
};
type Option = { id: number; title: string };

/** A link to a topic or round is optional: "none" comes first. */
const orNone = (options: Option[]) => [{ value: "", label: t.meetings.agenda.fields.none }, ...options.map((o) => ({ value: String(o.id), label: o.title }))];

export function AgendaItemForm(props: { values?: AgendaItemFormValues; errors: Record<string, string>; topicOptions: Option[]; roundOptions: Option[] }) {
  const { values, errors, topicOptions, roundOptions } = props;
  const f = t.meetings.agenda.fields;
  const prefix = values?.id ? `item-${values.id}-` : "new-";
  return (
    <Form method="post" className="max-w-2xl space-y-3" noValidate>
      <FormAlert message={errors.form} />
      <input type="hidden" name="intent" value={values?.id ? "update" : "add"} />
      {values?.id ? <input type="hidden" name="itemId" value={values.id} /> : null}
      <Field idPrefix={prefix} name="number" label={f.number} hint={f.numberHint} errors={errors} defaultValue={values?.number} required />
      <Field idPrefix={prefix} name="name" label={f.name} errors={errors} defaultValue={values?.name} required />
      <TextareaField idPrefix={prefix} name="description" label={f.description} errors={errors} defaultValue={values?.description} rows={4} />
      <CheckboxField idPrefix={prefix} name="isPublic" label={f.isPublic} defaultChecked={values?.isPublic ?? true} errors={errors} />
      <SelectField idPrefix={prefix} name="topicId" label={f.topicId} errors={errors} defaultValue={values?.topicId ?? ""} options={orNone(topicOptions)} />
      <SelectField
        idPrefix={prefix}
        name="ratingRoundId"
        label={f.ratingRoundId}
        errors={errors}
        defaultValue={values?.ratingRoundId ?? ""}
        options={orNone(roundOptions)}
      />
      <Field idPrefix={prefix} name="paperReference" label={f.paperReference} errors={errors} defaultValue={values?.paperReference} />
      <SubmitButton>{values?.id ? t.meetings.agenda.save : t.meetings.agenda.add}</SubmitButton>
    </Form>
  );
}
