import { t } from "~/i18n/de";
import { Badge, type BadgeTone } from "~/ui/badge";

const TONES: Record<string, BadgeTone> = { offen: "neutral", in_arbeit: "progress", erledigt: "success", nicht_erledigt: "danger", ueberholt: "plain" };

/** A commitment's status, and „überfällig“ in words (never colour alone) when its date has passed. */
export function CommitmentStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status] ?? "neutral"}>{t.commitments.status[status] ?? status}</Badge>
      {overdue ? <Badge tone="danger">{t.commitments.overdue}</Badge> : null}
    </span>
  );
}

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  const tone: BadgeTone = outcome === "umgesetzt" ? "success" : outcome === "teilweise" ? "progress" : outcome ? "danger" : "neutral";
  return <Badge tone={tone}>{t.commitments.outcome[outcome ?? "none"]}</Badge>;
}
