import { t } from "~/i18n/de";

const STYLES: Record<string, string> = {
  draft: "border-slate-500 bg-slate-50 text-slate-800",
  voting: "border-amber-700 bg-amber-50 text-amber-900",
  adopted: "border-green-700 bg-green-50 text-green-900",
  rejected: "border-red-700 bg-red-50 text-red-800",
  published: "border-brand-700 bg-brand-50 text-brand-900",
};

export function StatusBadge({ status, isPublic }: { status: string; isPublic?: boolean }) {
  const label = t.recommendations.status[status] ?? status;
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded border px-2 py-0.5 text-sm ${STYLES[status] ?? ""}`}>{label}</span>
      {status === "published" ? (
        <span className="rounded border border-slate-500 px-2 py-0.5 text-sm text-slate-800">
          {isPublic ? t.recommendations.publicBadge : t.recommendations.councilOnlyBadge}
        </span>
      ) : null}
    </span>
  );
}
