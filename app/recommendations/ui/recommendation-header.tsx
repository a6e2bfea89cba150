import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { StatusBadge } from "./status-badge";

const d = t.recommendations.detail;

type Props = {
  rec: {
    id: number;
    title: string;
    reference: string | null;
    status: string;
    isPublic: boolean;
    publishedAt: string | null;
    latestVersion: number;
    authorName: string | null;
  };
  coauthors: Array<{ id: number; name: string | null }>;
  permissions: { canEdit: boolean; canManage: boolean };
  board: boolean;
};

export function RecommendationHeader({ rec, coauthors, permissions, board }: Props) {
  return (
    <header className="space-y-2">
      <p className="text-sm text-slate-700">
        <a href="/empfehlungen">{t.recommendations.title}</a>
        {rec.reference ? ` · ${rec.reference}` : null}
      </p>
      <h1 id="rec-title">{rec.title}</h1>
      <StatusBadge status={rec.status} isPublic={rec.isPublic} />
      {rec.publishedAt ? (
        <p>
          {d.publishedOn} <time dateTime={rec.publishedAt}>{formatDate(rec.publishedAt)}</time>
        </p>
      ) : null}
      {board ? (
        <p className="text-sm text-slate-700">
          {d.by} {rec.authorName ?? t.common.formerMember}
          {coauthors.length > 0 ? ` · ${d.coauthors}: ${coauthors.map((c) => c.name ?? t.common.formerMember).join(", ")}` : null}
          {` · ${d.version} ${rec.latestVersion}`}
        </p>
      ) : null}
      <p className="no-print flex flex-wrap gap-3">
        {permissions.canEdit ? (
          <a href={`/empfehlungen/${rec.id}/bearbeiten`} className="btn">
            {d.edit}
          </a>
        ) : null}
        {permissions.canManage && rec.status === "published" ? (
          <a href={`/empfehlungen/${rec.id}/bearbeiten`} className="btn-secondary">
            {d.correct}
          </a>
        ) : null}
        {board ? (
          <a href={`/empfehlungen/${rec.id}/versionen`} className="btn-secondary">
            {d.versions}
          </a>
        ) : null}
        {rec.status === "published" ? (
          <a href={`/empfehlungen/${rec.id}/druck`} className="btn-secondary">
            {d.print}
          </a>
        ) : null}
      </p>
    </header>
  );
}
