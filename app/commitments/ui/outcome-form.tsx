import { Form } from "@remix-run/react";
import { RECOMMENDATION_OUTCOMES } from "#db/schema";
import { t } from "~/i18n/de";
import { Field, FormAlert, SelectField } from "~/ui/form";

/** The board records what became of a published recommendation. */
export function OutcomeForm({ current, errors }: { current: { outcome: string; note: string } | null; errors: Record<string, string> }) {
  const o = t.commitments.outcome;
  return (
    <Form method="post" className="no-print max-w-xl space-y-3" aria-labelledby="outcome-form-title">
      <h2 id="outcome-form-title">{o.set}</h2>
      <FormAlert message={errors.form} />
      <SelectField
        name="outcome"
        label={t.commitments.fields.outcome}
        errors={errors}
        defaultValue={current?.outcome ?? "teilweise"}
        options={RECOMMENDATION_OUTCOMES.map((value) => ({ value, label: o[value] }))}
      />
      <Field name="note" label={t.commitments.fields.outcomeNote} errors={errors} defaultValue={current?.note ?? ""} maxLength={2000} />
      <button type="submit" name="intent" value="outcome" className="btn">
        {o.set}
      </button>
    </Form>
  );
}
