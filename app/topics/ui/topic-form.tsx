import { Form } from "@remix-run/react";
import { MarkdownEditor } from "~/ui/markdown-editor";
import { t } from "~/i18n/de";
import { FieldError, SubmitButton } from "~/ui/form";

type Values = { title?: string; body?: string; fieldId?: number | string; visibility?: string; status?: string };

type Props = {
  fields: Array<{ id: number; name: string }>;
  values: Values;
  errors: Record<string, string>;
  previewHtml?: string | null;
  submitLabel: string;
  withStatus?: boolean;
};

function describe(name: string, errors: Record<string, string>) {
  return errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
}

/** Create and edit share this form; it works without JavaScript. */
export function TopicForm({ fields, values, errors, previewHtml, submitLabel, withStatus }: Props) {
  return (
    <Form method="post" className="max-w-3xl space-y-4" noValidate>
      {errors.form ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-800">
          {errors.form}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="title">{t.topics.form.title}</label>
        <p id="title-hint" className="text-sm text-slate-700">
          {t.topics.form.titleHint}
        </p>
        <input
          id="title"
          name="title"
          defaultValue={values.title ?? ""}
          required
          maxLength={200}
          aria-describedby={errors.title ? "title-hint title-error" : "title-hint"}
          aria-invalid={errors.title ? true : undefined}
        />
        <FieldError id="title-error" message={errors.title} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="fieldId">{t.topics.form.field}</label>
        <select id="fieldId" name="fieldId" defaultValue={String(values.fieldId ?? "")} required {...describe("fieldId", errors)}>
          <option value="">–</option>
          {fields.map((field) => (
            <option key={field.id} value={field.id}>
              {field.name}
            </option>
          ))}
        </select>
        <FieldError id="fieldId-error" message={errors.fieldId} />
      </div>
      <fieldset className="flex flex-col gap-1" {...describe("visibility", errors)}>
        <legend className="font-medium">{t.topics.form.visibility}</legend>
        {(["internal", "public"] as const).map((value) => (
          <label key={value} className="font-normal">
            <input type="radio" name="visibility" value={value} defaultChecked={(values.visibility ?? "internal") === value} /> {t.topics.visibility[value]}
          </label>
        ))}
        <FieldError id="visibility-error" message={errors.visibility} />
      </fieldset>
      {withStatus ? (
        <fieldset className="flex flex-col gap-1" {...describe("status", errors)}>
          <legend className="font-medium">{t.topics.form.status}</legend>
          {(["open", "closed"] as const).map((value) => (
            <label key={value} className="font-normal">
              <input type="radio" name="status" value={value} defaultChecked={(values.status ?? "open") === value} /> {t.topics.status[value]}
            </label>
          ))}
          <FieldError id="status-error" message={errors.status} />
        </fieldset>
      ) : null}
      <MarkdownEditor
        id="body"
        label={t.topics.form.body}
        hint={t.topics.form.bodyHint}
        defaultValue={values.body}
        error={errors.body}
        previewHtml={previewHtml}
        rows={10}
      />
      <SubmitButton intent="save">{submitLabel}</SubmitButton>
    </Form>
  );
}
