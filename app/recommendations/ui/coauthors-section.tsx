import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { FormAlert, SelectField, SubmitButton } from "~/ui/form";

const d = t.recommendations.detail;

export function CoauthorsSection({ candidates, errors }: { candidates: Array<{ id: number; name: string | null }>; errors: Record<string, string> }) {
  if (candidates.length === 0) return null;
  return (
    <section aria-labelledby="coauthor-title" className="no-print">
      <h2 id="coauthor-title">{d.addCoauthor}</h2>
      <FormAlert message={errors.form} />
      <Form method="post" className="flex flex-wrap items-end gap-3">
        <SelectField
          name="coauthor"
          idPrefix=""
          label={d.coauthors}
          errors={errors}
          options={candidates.map((c) => ({ value: String(c.id), label: c.name ?? "" }))}
        />
        <SubmitButton intent="add-coauthor" className="btn-secondary">
          {d.addCoauthorSubmit}
        </SubmitButton>
      </Form>
    </section>
  );
}
