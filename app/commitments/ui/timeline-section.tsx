import { t } from "~/i18n/de";
import { RecommendationTimeline } from "./timeline";

type Props = { recommendationId: number; timeline: Parameters<typeof RecommendationTimeline>[0]["timeline"]; canFollowUp: boolean };

/** On the published recommendation's page: the one timeline a council member reads the case on. */
export function TimelineSection({ recommendationId, timeline, canFollowUp }: Props) {
  const tl = t.commitments.timeline;
  return (
    <section id="umsetzung" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{tl.heading}</h2>
      <RecommendationTimeline timeline={timeline} />
      {canFollowUp ? (
        <p className="no-print">
          <a href={`/empfehlungen/${recommendationId}/umsetzung`}>{tl.manage}</a>
        </p>
      ) : null}
    </section>
  );
}
