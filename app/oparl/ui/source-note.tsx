import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";

/** "aus dem Ratsinformationssystem, Stand …" with the link to the paper's page in the RIS. */
export function SourceNote({
  source,
  editing = false,
}: {
  source: { sourceWeb: string | null; sourceModified: string | null; sourceDeletedAt: string | null };
  editing?: boolean;
}) {
  const text = t.oparl.source;
  return (
    <div className="no-print mb-3 rounded border border-slate-300 bg-slate-50 p-3 text-sm">
      <p>
        <strong>{text.imported}:</strong> {source.sourceModified ? text.fromRis(formatDateTime(source.sourceModified)) : text.fromRis("–")}
        {source.sourceWeb ? (
          <>
            {" · "}
            <a href={source.sourceWeb} rel="noopener noreferrer external">
              {text.risLink}
            </a>
          </>
        ) : null}
      </p>
      {source.sourceDeletedAt ? <p className="font-semibold">{text.withdrawn}</p> : null}
      {editing ? <p>{text.overwriteNote}</p> : null}
    </div>
  );
}
