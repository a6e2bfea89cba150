import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { FormAlert, FieldError, SubmitButton } from "~/ui/form";

const d = t.recommendations.detail;

export function CoauthorsSection({ candidates, errors }: { candidates: Array<{ id: number; name: string | null }>; errors: Record<string, string> }) {
  if (candidates.length === 0) return null;
  return (
    <section aria-labelledby="coauthor-title" className="no-print">
      <h2 id="coauthor-title">{d.addCoauthor}</h2>
      <FormAlert message={errors.form} />
      <Form method="post" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="coauthor">{d.coauthors}</label>
          <select
            id="coauthor"
            name="coauthor"
            aria-invalid={errors.coauthor ? true : undefined}
            aria-describedby={errors.coauthor ? "coauthor-error" : undefined}
          >
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="coauthor-error" message={errors.coauthor} />
        </div>
        <SubmitButton intent="add-coauthor" className="btn-secondary">
          {d.addCoauthorSubmit}
        </SubmitButton>
      </Form>
    </section>
  );
}
