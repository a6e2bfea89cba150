import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import type { ConsultationView } from "./gremienweg-table";
import { CheckboxField, Field, FormAlert, SelectField, SubmitButton } from "~/ui/form";

type Organization = { id: number; name: string };
type Step = ConsultationView & { organizationId: number };

export function ConsultationForm({ step, organizations, errors }: { step?: Step; organizations: Organization[]; errors: Record<string, string> }) {
  const c = t.papers.consultation;
  const prefix = step ? `step-${step.id}-` : "new-";
  return (
    <Form method="post" className="space-y-3" noValidate>
      <FormAlert message={errors.form} />
      <input type="hidden" name="intent" value={step ? "update" : "add"} />
      {step ? <input type="hidden" name="consultationId" value={step.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField idPrefix={prefix} name="organizationId" label={c.body} errors={errors} defaultValue={step?.organizationId}>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <Field idPrefix={prefix} name="date" label={c.date} hint={c.dateHint} type="date" errors={errors} defaultValue={step?.date} />
        <Field idPrefix={prefix} name="agendaItemNumber" label={c.agendaItem} errors={errors} defaultValue={step?.agendaItemNumber} />
        <SelectField idPrefix={prefix} name="role" label={c.role} errors={errors} defaultValue={step?.role ?? "entscheidung"}>
          {Object.keys(t.papers.roles).map((r) => (
            <option key={r} value={r}>
              {t.papers.roles[r]}
            </option>
          ))}
        </SelectField>
        <SelectField idPrefix={prefix} name="result" label={c.result} errors={errors} defaultValue={step?.result ?? ""}>
          <option value="">{c.noResult}</option>
          {Object.keys(t.papers.results).map((r) => (
            <option key={r} value={r}>
              {t.papers.results[r]}
            </option>
          ))}
        </SelectField>
        <CheckboxField idPrefix={prefix} name="isPublic" label={c.public} defaultChecked={step?.isPublic ?? true} errors={errors} />
        <Field idPrefix={prefix} name="countYes" label={c.countYes} type="number" errors={errors} defaultValue={step?.countYes} />
        <Field idPrefix={prefix} name="countNo" label={c.countNo} type="number" errors={errors} defaultValue={step?.countNo} />
        <Field idPrefix={prefix} name="countAbstention" label={c.countAbstention} type="number" errors={errors} defaultValue={step?.countAbstention} />
      </div>
      <SubmitButton>{step ? c.save : c.add}</SubmitButton>
    </Form>
  );
}
