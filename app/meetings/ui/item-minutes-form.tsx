import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { Field, FormAlert, TextareaField, SubmitButton } from "~/ui/form";

type Item = { id: number; number: string; name: string | null; minutes: string | null; result: string | null };

export function ItemMinutesForm({ item, errors }: { item: Item; errors: Record<string, string> }) {
  const m = t.meetings.minutes;
  const prefix = `minutes-${item.id}-`;
  return (
    <Form method="post" className="mb-6 max-w-3xl space-y-2 rounded border border-slate-300 p-3" noValidate>
      <h3 className="mt-0">
        {t.meetings.agenda.top} {item.number}: {item.name}
      </h3>
      <FormAlert message={errors.form} />
      <input type="hidden" name="intent" value="minutes" />
      <input type="hidden" name="itemId" value={item.id} />
      <Field idPrefix={prefix} name="result" label={m.itemResult} errors={errors} defaultValue={item.result} />
      <TextareaField idPrefix={prefix} name="minutes" label={m.itemMinutes} errors={errors} defaultValue={item.minutes} rows={5} />
      <SubmitButton>{m.saveItem}</SubmitButton>
    </Form>
  );
}
