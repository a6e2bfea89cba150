import { Form } from "@remix-run/react";
import type { PortalVideo } from "~/documents/portal-video.server";
import { formatBytes } from "~/documents/ui/document-list";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { CheckboxField, Field, FormAlert, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

const a = t.signLanguage.admin;

/**
 * The admin's page for the DGS video: what is shown now, a plain multipart form (the label before
 * the file, works without JavaScript) and a confirmed removal.
 */
export function SignLanguageAdmin({
  video,
  maxMb,
  notice,
  errors,
}: {
  video: PortalVideo | null;
  maxMb: number;
  notice: string | null;
  errors: Record<string, string> | null;
}) {
  return (
    <TitledSection id="sign-language-admin-title" title={a.title} className="max-w-3xl space-y-4">
      <FormAlert message={notice} tone="success" />
      <FormAlert message={errors?.form} />
      <p>{a.intro}</p>
      <h2>{a.current}</h2>
      {video ? (
        <p>
          <a href={`/dokumente/${video.documentId}`} type={video.mimeType}>
            {video.label}
          </a>
          :{" "}
          {a.details(video.fileName, t.documents.types[video.mimeType] ?? video.mimeType, formatBytes(video.size), video.version, formatDate(video.uploadedAt))}
        </p>
      ) : (
        <p>{a.none}</p>
      )}
      <p>
        <a href="/gebaerdensprache">{a.view}</a>
      </p>
      <form
        method="post"
        action="/admin/gebaerdensprache/hochladen"
        encType="multipart/form-data"
        className="grid max-w-xl gap-3"
        aria-labelledby="video-upload-title"
      >
        <h2 id="video-upload-title">{video ? a.replaceHeading : a.uploadHeading}</h2>
        <Field name="label" label={a.label} hint={a.labelHint} idPrefix="video-" maxLength={200} defaultValue={video?.label ?? a.defaultLabel} />
        <Field name="file" label={a.file} hint={a.fileHint(maxMb)} idPrefix="video-" type="file" accept="video/mp4,video/webm,.mp4,.webm" required />
        <div>
          <button type="submit" className="btn">
            {a.submit}
          </button>
        </div>
      </form>
      {video ? (
        <Form method="post" className="grid max-w-xl gap-3" aria-labelledby="video-delete-title">
          <h2 id="video-delete-title">{a.deleteHeading}</h2>
          <CheckboxField name="confirm" value="yes" label={a.confirm} errors={errors ?? undefined} idPrefix="video-" required />
          <div>
            <SubmitButton intent="delete" className="btn-secondary">
              {a.deleteSubmit}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </TitledSection>
  );
}
