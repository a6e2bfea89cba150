import { t } from "~/i18n/de";
import { Badge, type BadgeTone } from "~/ui/badge";

const TONES: Record<string, BadgeTone> = { draft: "neutral", voting: "progress", adopted: "success", rejected: "danger", published: "brand" };

export function StatusBadge({ status, isPublic }: { status: string; isPublic?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status] ?? "neutral"}>{t.recommendations.status[status] ?? status}</Badge>
      {status === "published" ? <Badge tone="plain">{isPublic ? t.recommendations.publicBadge : t.recommendations.councilOnlyBadge}</Badge> : null}
    </span>
  );
}
