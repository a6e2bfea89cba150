import type { DocumentItem, DocumentVersionItem } from "~/documents/documents.server";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";

const d = t.documents;

export function formatBytes(size: number) {
  if (size < 1024) return `${size} Byte`;
  const [value, unit] = size < 1024 * 1024 ? [size / 1024, "KB"] : [size / 1024 / 1024, "MB"];
  return `${value.toLocaleString("de-DE", { maximumFractionDigits: 1 })} ${unit}`;
}

function VersionFacts({ version }: { version: DocumentVersionItem }) {
  return (
    <span className="text-sm text-slate-700">
      {d.types[version.mimeType] ?? version.mimeType}, {formatBytes(version.size)} · {d.section.version(version.version)} · {formatDate(version.createdAt)},{" "}
      {version.uploadedBy}
      {version.mimeType === "application/pdf" && version.textState === "none" ? <> · {d.section.noTextLayer}</> : null}
    </span>
  );
}

/** The files of one object; with `changeable`, a replace and a delete form per file (no JavaScript needed). */
export function DocumentList({ items, changeable, maxMb }: { items: DocumentItem[]; changeable: boolean; maxMb: number }) {
  if (items.length === 0) return <p className="text-slate-700">{d.section.none}</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id}>
          <a href={`/dokumente/${item.id}`}>{item.role === "auxiliary" ? item.label : `${d.roles[item.role]}: ${item.label}`}</a>{" "}
          <VersionFacts version={item.current} />
          {item.older.length > 0 ? (
            <details className="mt-1">
              <summary>{d.section.olderVersions}</summary>
              <ul>
                {item.older.map((version) => (
                  <li key={version.version}>
                    <a href={`/dokumente/${item.id}?fassung=${version.version}`}>{d.section.version(version.version)}</a> <VersionFacts version={version} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {changeable ? (
            <div className="no-print mt-1 flex flex-wrap items-end gap-3">
              <form method="post" action="/dokumente/hochladen" encType="multipart/form-data" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="replaces" value={item.id} />
                <label className="flex flex-col text-sm">
                  {d.section.replaceLabel(item.label)}
                  <input type="file" name="file" required aria-describedby={`document-hint-${item.id}`} />
                </label>
                <span id={`document-hint-${item.id}`} className="sr-only">
                  {d.form.fileHint(maxMb)}
                </span>
                <button type="submit" className="btn-secondary">
                  {d.form.replaceSubmit}
                </button>
              </form>
              <form method="post" action={`/dokumente/${item.id}/loeschen`}>
                <button type="submit" name="intent" value="delete" className="btn-danger" aria-label={d.section.deleteLabel(item.label)}>
                  {d.section.delete}
                </button>
              </form>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
