import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { FormAlert, SelectField } from "~/ui/form";

type Options = { recommendations: Array<{ id: number; reference: string | null; title: string }>; topics: Array<{ id: number; title: string }> };

/** Adds a link to a recommendation or topic after the commitment was recorded. */
export function LinkForm({ options, errors }: { options: Options; errors: Record<string, string> }) {
  const d = t.commitments.detail;
  const f = t.commitments.fields;
  return (
    <Form method="post" className="no-print max-w-xl space-y-3" aria-labelledby="link-form-title">
      <h2 id="link-form-title">{d.link}</h2>
      <FormAlert message={errors.form} />
      <SelectField name="recommendationId" label={f.recommendations} idPrefix="link-" errors={errors} defaultValue="">
        <option value="">{f.none}</option>
        {options.recommendations.map((rec) => (
          <option key={rec.id} value={rec.id}>
            {`${rec.reference ?? ""} ${rec.title}`.trim()}
          </option>
        ))}
      </SelectField>
      <SelectField name="topicId" label={f.topics} idPrefix="link-" errors={errors} defaultValue="">
        <option value="">{f.none}</option>
        {options.topics.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.title}
          </option>
        ))}
      </SelectField>
      <button type="submit" name="intent" value="link" className="btn-secondary">
        {d.saveLink}
      </button>
    </Form>
  );
}
