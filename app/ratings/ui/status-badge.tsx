import { t } from "~/i18n/de";
import { Badge, type BadgeTone } from "~/ui/badge";

const TONES: Record<string, BadgeTone> = { draft: "neutral", open: "success", closed: "brand" };

export function RoundStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{t.ratings.status[status]}</Badge>;
}
