import type { DocumentSection } from "~/documents/documents.server";
import { t } from "~/i18n/de";
import { DocumentList } from "./document-list";
import { UploadForm, type OwnerChoice } from "./upload-form";

const d = t.documents;

/**
 * "Dokumente" on an object's page: its files, and the upload form for those who may change them.
 * `owners` lets one form attach to the object or one of its parts (a meeting's agenda items).
 */
export function DocumentsSection({
  section,
  maxMb,
  notice,
  owners,
  children,
}: {
  section: DocumentSection;
  maxMb: number;
  notice?: string | null;
  owners?: OwnerChoice[];
  children?: React.ReactNode;
}) {
  const changeable = section.change === "allowed";
  return (
    <section id="dokumente" aria-labelledby="dokumente-title" className="mt-8">
      <h2 id="dokumente-title">{d.section.heading}</h2>
      {notice ? (
        <p role="status" className="mb-2">
          {notice}
        </p>
      ) : null}
      <DocumentList items={section.items} changeable={changeable} maxMb={maxMb} />
      {children}
      {section.change === "frozen" ? <p className="mt-2 text-sm text-slate-700">{d.section.frozen}</p> : null}
      {changeable ? <UploadForm owner={section.owner} roles={section.roles} maxMb={maxMb} owners={owners} /> : null}
    </section>
  );
}

/** The notice after an upload or delete redirect (`?dokument=gespeichert|geloescht`). */
export function documentNotice(url: string) {
  const value = new URL(url).searchParams.get("dokument");
  return value === "gespeichert" ? d.form.uploaded : value === "geloescht" ? d.form.deleted : null;
}
