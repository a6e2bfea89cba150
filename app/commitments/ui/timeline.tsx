import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import type { Timeline, TimelineEvent } from "~/commitments/timeline.server";
import { DueText } from "./commitment-table";
import { CommitmentStatusBadge, OutcomeBadge } from "./status-badge";

const tl = t.commitments.timeline;

function day(on: string | null) {
  return on ? formatDate(`${on.slice(0, 10)}T12:00:00Z`) : "–";
}

function EventText({ event }: { event: TimelineEvent }) {
  switch (event.kind) {
    case "paper":
      return (
        <>
          <a href={event.path}>{tl.paper(t.papers.types[event.paperType] ?? event.paperType, event.reference)}</a>: {event.name}
        </>
      );
    case "vote":
      return <>{tl.boardVote(t.recommendations.vote.result[event.result] ?? event.result, event.yes, event.no, event.abstain)}</>;
    case "published":
      return <>{tl.published}</>;
    case "consultation":
      return event.result || event.resultText ? (
        <>{tl.consultation(event.body, event.reference, event.result ? t.papers.results[event.result] : (event.resultText ?? ""))}</>
      ) : (
        <>{tl.consultationPlanned(event.body, event.reference, t.papers.roles[event.role] ?? event.role)}</>
      );
    case "commitment":
      return (
        <>
          <a href={`/zusagen/${event.commitmentId}`}>{event.title}</a>: {t.commitments.status[event.status]}
        </>
      );
    case "outcome":
      return <>{tl.outcome(t.commitments.outcome[event.outcome])}</>;
  }
}

type TimelineData = Omit<Timeline, "outcome"> & { outcome: { outcome: string; note: string; setAt: string } | null };

/** One recommendation's way: papers, board vote, council, commitments and the outcome, by date. */
export function RecommendationTimeline({ timeline, headingLevel = 3 }: { timeline: TimelineData; headingLevel?: 3 | 4 }) {
  const Sub = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="space-y-4">
      <p>
        <strong>{t.commitments.outcome.heading}:</strong> <OutcomeBadge outcome={timeline.outcome?.outcome ?? null} />
        {timeline.outcome?.note ? <span> – {timeline.outcome.note}</span> : null}
      </p>
      {timeline.events.length === 0 ? (
        <p>{tl.empty}</p>
      ) : (
        <ol aria-label={tl.caption} className="border-l-2 border-slate-400 pl-4">
          {timeline.events.map((event, index) => (
            <li key={index} className="mb-2">
              <span className="font-semibold">{day(event.on)}</span> – <EventText event={event as TimelineEvent} />
            </li>
          ))}
        </ol>
      )}
      {timeline.commitments.length > 0 ? (
        <div>
          <Sub>{tl.commitmentsHeading}</Sub>
          <ul className="list-disc pl-6">
            {timeline.commitments.map((item) => (
              <li key={item.id}>
                <a href={`/zusagen/${item.id}`}>{item.title}</a> ({item.office}) – <CommitmentStatusBadge status={item.status} overdue={item.overdue} />{" "}
                <DueText dueText={item.dueText} dueDate={item.dueDate} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
