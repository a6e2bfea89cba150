import { Form } from "@remix-run/react";
import { COMMITMENT_STATUSES } from "#db/schema";
import { t } from "~/i18n/de";
import { Field, FormAlert, SelectField, TextareaField } from "~/ui/form";

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
        <Form method="post" className="space-y-3" aria-labelledby="status-form-title">
          <h2 id="status-form-title">{d.changeStatus}</h2>
          <FormAlert message={errorsFor("status").form} />
          <SelectField name="toStatus" label={f.newStatus} idPrefix="status-" errors={errorsFor("status")} options={statusOptions} />
          <NoteFields prefix="status-" errors={errorsFor("status")} />
          <button type="submit" name="intent" value="status" className="btn">
            {d.saveStatus}
          </button>
        </Form>
      ) : null}
      {permissions.canPostUpdate ? (
        <Form method="post" className="space-y-3" aria-labelledby="update-form-title">
          <h2 id="update-form-title">{d.postUpdate}</h2>
          <FormAlert message={errorsFor("update").form} />
          <NoteFields prefix="update-" errors={errorsFor("update")} />
          <button type="submit" name="intent" value="update" className="btn">
            {d.saveUpdate}
          </button>
        </Form>
      ) : null}
      {permissions.canComment ? (
        <Form method="post" className="space-y-3" aria-labelledby="comment-form-title">
          <h2 id="comment-form-title">{d.comment}</h2>
          <p className="text-sm text-slate-700">{d.commentHint}</p>
          <FormAlert message={errorsFor("comment").form} />
          <NoteFields prefix="comment-" errors={errorsFor("comment")} withSource={false} />
          <button type="submit" name="intent" value="comment" className="btn-secondary">
            {d.saveComment}
          </button>
        </Form>
      ) : null}
      {permissions.canSetDue ? (
        <Form method="post" className="space-y-3" aria-labelledby="due-form-title">
          <h2 id="due-form-title">{d.setDue}</h2>
          <FormAlert message={errorsFor("due").form} />
          <Field name="dueDate" type="date" label={f.dueDate} hint={f.dueDateHint} idPrefix="due-" errors={errorsFor("due")} defaultValue={dueDate ?? ""} />
          <button type="submit" name="intent" value="due" className="btn-secondary">
            {d.saveDue}
          </button>
        </Form>
      ) : null}
      {permissions.canPublish ? (
        <Form method="post" className="space-y-3" aria-labelledby="visibility-form-title">
          <h2 id="visibility-form-title">{d.visibility}</h2>
          <p>{isPublic ? d.publicNote : d.internalNote}</p>
          <input type="hidden" name="isPublic" value={isPublic ? "false" : "true"} />
          <button type="submit" name="intent" value="visibility" className="btn-secondary">
            {isPublic ? d.makeInternal : d.makePublic}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
