import type { DiffPart } from "~/lib/text-diff";
import { t } from "~/i18n/de";

const v = t.recommendations.versions;

/** Deleted text struck through, inserted text highlighted; screen readers hear "entfernt"/"neu". */
export function DiffView({ parts }: { parts: DiffPart[] }) {
  if (!parts.some((p) => p.type !== "equal")) return <p>{v.noChanges}</p>;
  return (
    <div className="whitespace-pre-wrap rounded border border-slate-300 p-3 font-mono text-sm leading-relaxed">
      {parts.map((part, index) =>
        part.type === "equal" ? (
          <span key={index}>{part.text}</span>
        ) : part.type === "delete" ? (
          <del key={index} className="bg-red-100 text-red-900">
            <span className="sr-only">{v.deleted} </span>
            {part.text}
          </del>
        ) : (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            <span className="sr-only">{v.inserted} </span>
            {part.text}
          </ins>
        ),
      )}
    </div>
  );
}
