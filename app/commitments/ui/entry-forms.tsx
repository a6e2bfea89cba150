import { Form } from "@remix-run/react";
import { COMMITMENT_STATUSES } from "#db/schema";
import { t } from "~/i18n/de";
import type { ReactNode } from "react";
import { Field, FormAlert, SelectField, SubmitButton, TextareaField } from "~/ui/form";

type Errors = Record<string, string>;
const d = t.commitments.detail;
const f = t.commitments.fields;

export type EntryPermissions = { canChangeStatus: boolean; canPostUpdate: boolean; canComment: boolean; canSetDue: boolean; canPublish: boolean };

function NoteFields({ prefix, errors, withSource = true }: { prefix: string; errors: Errors; withSource?: boolean }) {
  return (
    <>
      <TextareaField name="note" label={f.note} idPrefix={prefix} errors={errors} required maxLength={4000} rows={3} />
      {withSource ? <Field name="source" label={f.source} hint={f.sourceHint} idPrefix={prefix} errors={errors} maxLength={500} /> : null}
    </>
  );
}

/** One of them: its h2 names it (a hint below), its button sends its intent; `errors` (if given) shows the form's error. */
function EntryForm({
  intent,
  title,
  hint,
  submit,
  secondary = false,
  errors,
  children,
}: {
  intent: string;
  title: string;
  hint?: string;
  submit: string;
  secondary?: boolean;
  errors?: Errors;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="space-y-3" aria-labelledby={`${intent}-form-title`}>
      <h2 id={`${intent}-form-title`}>{title}</h2>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {errors ? <FormAlert message={errors.form} /> : null}
      {children}
      <SubmitButton intent={intent} className={secondary ? "btn-secondary" : "btn"}>
        {submit}
      </SubmitButton>
    </Form>
  );
}

/** The forms of a commitment page, each a plain POST with its intent; shown only to who may use them. */
export function EntryForms({
  status,
  dueDate,
  isPublic,
  permissions,
  intent,
  errors,
}: {
  status: string;
  dueDate: string | null;
  isPublic: boolean;
  permissions: EntryPermissions;
  intent: string | null;
  errors: Errors;
}) {
  const errorsFor = (name: string) => (intent === name ? errors : {});
  const statusOptions = COMMITMENT_STATUSES.filter((s) => s !== status).map((s) => ({ value: s, label: t.commitments.status[s] }));
  return (
    <div className="no-print grid gap-6 md:grid-cols-2">
      {permissions.canChangeStatus ? (
        <EntryForm intent="status" title={d.changeStatus} submit={d.saveStatus} errors={errorsFor("status")}>
          <SelectField name="toStatus" label={f.newStatus} idPrefix="status-" errors={errorsFor("status")} options={statusOptions} />
          <NoteFields prefix="status-" errors={errorsFor("status")} />
        </EntryForm>
      ) : null}
      {permissions.canPostUpdate ? (
        <EntryForm intent="update" title={d.postUpdate} submit={d.saveUpdate} errors={errorsFor("update")}>
          <NoteFields prefix="update-" errors={errorsFor("update")} />
        </EntryForm>
      ) : null}
      {permissions.canComment ? (
        <EntryForm intent="comment" title={d.comment} hint={d.commentHint} submit={d.saveComment} secondary errors={errorsFor("comment")}>
          <NoteFields prefix="comment-" errors={errorsFor("comment")} withSource={false} />
        </EntryForm>
      ) : null}
      {permissions.canSetDue ? (
        <EntryForm intent="due" title={d.setDue} submit={d.saveDue} secondary errors={errorsFor("due")}>
          <Field name="dueDate" type="date" label={f.dueDate} hint={f.dueDateHint} idPrefix="due-" errors={errorsFor("due")} defaultValue={dueDate ?? ""} />
        </EntryForm>
      ) : null}
      {permissions.canPublish ? (
        <EntryForm intent="visibility" title={d.visibility} submit={isPublic ? d.makeInternal : d.makePublic} secondary>
          <p>{isPublic ? d.publicNote : d.internalNote}</p>
          <input type="hidden" name="isPublic" value={isPublic ? "false" : "true"} />
        </EntryForm>
      ) : null}
    </div>
  );
}
