import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { FormAlert, SubmitButton } from "~/ui/form";
import { MarkdownEditor } from "~/ui/markdown-editor";

/** The form that writes a comment's body: a new one under a topic, or an edit of one's own. */
export function CommentForm({
  id,
  intent,
  submitLabel,
  defaultValue,
  errors,
  previewHtml,
  rows,
  preventScrollReset,
}: {
  id: string;
  intent: string;
  submitLabel: string;
  defaultValue?: string;
  errors?: Record<string, string>;
  previewHtml?: string | null;
  rows?: number;
  preventScrollReset?: boolean;
}) {
  return (
    <Form method="post" preventScrollReset={preventScrollReset} className="space-y-2" noValidate>
      <FormAlert message={errors?.form} flush />
      <MarkdownEditor
        id={id}
        label={t.topics.comment.body}
        hint={t.topics.form.bodyHint}
        defaultValue={defaultValue}
        error={errors?.body}
        previewHtml={previewHtml}
        rows={rows}
      />
      <SubmitButton intent={intent}>{submitLabel}</SubmitButton>
    </Form>
  );
}
