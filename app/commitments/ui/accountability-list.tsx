import { t } from "~/i18n/de";
import type { Timeline } from "~/commitments/timeline.server";
import { formatDate } from "~/lib/dates";
import { OutcomeBadge } from "./status-badge";
import { RecommendationTimeline } from "./timeline";

type Item = {
  id: number;
  reference: string | null;
  title: string;
  publishedAt: string | null;
  timeline: Omit<Timeline, "outcome"> & { outcome: { outcome: string; note: string; setAt: string } | null };
};

const a = t.commitments.accountability;

function councilLine(decision: Item["timeline"]["councilDecision"]) {
  if (!decision) return a.noCouncil;
  const result = decision.result ? t.papers.results[decision.result] : (decision.resultText ?? "");
  return `${decision.body}, ${formatDate(`${decision.on}T12:00:00Z`)} (${decision.reference}): ${result}`;
}

/** Each published recommendation: its status in one line, then its whole timeline. */
export function AccountabilityList({ items }: { items: Item[] }) {
  return (
    <ul className="space-y-8">
      {items.map((item) => {
        const open = item.timeline.commitments.filter((c) => c.status === "offen" || c.status === "in_arbeit").length;
        return (
          <li key={item.id}>
            <article aria-labelledby={`acc-${item.id}`} className="rounded border border-slate-300 p-4">
              <h2 id={`acc-${item.id}`} className="mt-0">
                <a href={`/empfehlungen/${item.id}#umsetzung`}>{item.reference ? `${item.reference}: ${item.title}` : item.title}</a>
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="font-semibold">{a.council}</dt>
                <dd>{councilLine(item.timeline.councilDecision)}</dd>
                <dt className="font-semibold">{a.commitments}</dt>
                <dd>{a.commitmentCount(open, item.timeline.commitments.length)}</dd>
                <dt className="font-semibold">{a.outcome}</dt>
                <dd>
                  <OutcomeBadge outcome={item.timeline.outcome?.outcome ?? null} />
                </dd>
              </dl>
              <details className="mt-3">
                <summary>{t.commitments.timeline.openTimeline}</summary>
                <RecommendationTimeline timeline={item.timeline} />
              </details>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
