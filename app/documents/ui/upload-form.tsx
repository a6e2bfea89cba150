import type { DocumentRole } from "#db/schema";
import { t } from "~/i18n/de";
import { Field, SelectField } from "~/ui/form";

const d = t.documents;
export type OwnerChoice = { value: string; label: string };

/**
 * A plain multipart form (works without JavaScript). Its fields come before the file input: the
 * server checks the permission from them before it stores a byte of the file.
 */
export function UploadForm({ owner, roles, maxMb, owners }: { owner: string; roles: readonly DocumentRole[]; maxMb: number; owners?: OwnerChoice[] }) {
  return (
    <form
      method="post"
      action="/dokumente/hochladen"
      encType="multipart/form-data"
      className="no-print mt-4 grid max-w-xl gap-3"
      aria-labelledby="upload-title"
    >
      <h3 id="upload-title">{d.form.heading}</h3>
      {owners && owners.length > 1 ? (
        <SelectField name="owner" label={t.documents.form.owner} idPrefix="upload-" options={owners} defaultValue={owner} />
      ) : (
        <input type="hidden" name="owner" value={owner} />
      )}
      {roles.length > 1 ? (
        <SelectField
          name="role"
          label={d.form.role}
          idPrefix="upload-"
          options={roles.map((role) => ({ value: role, label: d.roles[role] }))}
          defaultValue="auxiliary"
        />
      ) : null}
      <Field name="label" label={d.form.label} hint={d.form.labelHint} idPrefix="upload-" maxLength={200} />
      <Field name="position" label={d.form.position} idPrefix="upload-" type="number" min={0} max={999} defaultValue={0} />
      <Field name="file" label={d.form.file} hint={d.form.fileHint(maxMb)} idPrefix="upload-" type="file" required />
      <div>
        <button type="submit" className="btn">
          {d.form.submit}
        </button>
      </div>
    </form>
  );
}
