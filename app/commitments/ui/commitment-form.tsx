import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { CheckboxField, Field, FormAlert, SelectField, TextareaField } from "~/ui/form";

type Options = {
  recommendations: Array<{ id: number; reference: string | null; title: string }>;
  topics: Array<{ id: number; title: string }>;
  agendaItems: Array<{ id: number; number: string; name: string; meetingName: string }>;
};
type Defaults = { sourcePaper?: string; recommendationIds?: number[] };

const f = t.commitments.fields;

/** Records a commitment: what, by whom, from where, until when, and what it belongs to. */
export function CommitmentForm({ options, defaults, errors }: { options: Options; defaults: Defaults; errors: Record<string, string> }) {
  return (
    <Form method="post" className="max-w-3xl space-y-4">
      <FormAlert message={errors.form} />
      <Field name="title" label={f.title} hint={f.titleHint} errors={errors} required maxLength={200} />
      <TextareaField name="promise" label={f.promise} hint={f.promiseHint} errors={errors} required maxLength={4000} rows={4} />
      <Field name="office" label={f.office} errors={errors} required maxLength={200} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="sourcePaper" label={f.sourcePaper} hint="z. B. ST/0020/2025" errors={errors} defaultValue={defaults.sourcePaper ?? ""} maxLength={100} />
        <Field name="sourcePassage" label={f.sourcePassage} errors={errors} maxLength={500} />
      </div>
      <SelectField name="sourceAgendaItemId" label={f.sourceMeeting} errors={errors} defaultValue="">
        <option value="">{f.none}</option>
        {options.agendaItems.map((item) => (
          <option key={item.id} value={item.id}>
            {item.meetingName} – TOP {item.number}: {item.name}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="dueText" label={f.dueText} hint={f.dueTextHint} errors={errors} maxLength={200} />
        <Field name="dueDate" type="date" label={f.dueDate} hint={f.dueDateHint} errors={errors} />
      </div>
      <fieldset>
        <legend>{f.recommendations}</legend>
        {options.recommendations.map((rec) => (
          <CheckboxField
            key={rec.id}
            name="recommendationIds"
            idPrefix={`rec-${rec.id}-`}
            label={`${rec.reference ?? ""} ${rec.title}`.trim()}
            value={String(rec.id)}
            defaultChecked={defaults.recommendationIds?.includes(rec.id)}
          />
        ))}
        {errors.recommendationIds ? <p className="field-error">{errors.recommendationIds}</p> : null}
      </fieldset>
      <fieldset>
        <legend>{f.topics}</legend>
        {options.topics.map((topic) => (
          <CheckboxField key={topic.id} name="topicIds" idPrefix={`topic-${topic.id}-`} label={topic.title} value={String(topic.id)} />
        ))}
        {errors.topicIds ? <p className="field-error">{errors.topicIds}</p> : null}
      </fieldset>
      <button type="submit" className="btn">
        {t.commitments.create}
      </button>
    </Form>
  );
}
