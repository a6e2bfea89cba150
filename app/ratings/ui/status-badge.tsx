import { t } from "~/i18n/de";

const STYLES: Record<string, string> = {
  draft: "bg-slate-200 text-slate-900",
  open: "bg-green-100 text-green-900",
  closed: "bg-brand-100 text-brand-900",
};

export function RoundStatusBadge({ status }: { status: string }) {
  return <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STYLES[status] ?? ""}`}>{t.ratings.status[status]}</span>;
}
