import { Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDate, formatTime, isoString } from "~/lib/dates";

export type MeetingSummaryData = {
  id: number;
  name: string;
  start: string;
  end: string;
  locationRoom: string | null;
  locationAddress: string | null;
  state: string;
  cancelled: boolean;
  cancellationReason?: string | null;
};

export function MeetingTime({ start, end }: { start: string; end: string }) {
  const sameDay = formatDate(start) === formatDate(end);
  return (
    <>
      <time dateTime={isoString(start)}>
        {formatDate(start)}, {formatTime(start)}
      </time>
      {" – "}
      <time dateTime={isoString(end)}>{sameDay ? formatTime(end) : `${formatDate(end)}, ${formatTime(end)}`} Uhr</time>
    </>
  );
}

/** One meeting as a list entry or dashboard card. */
export function MeetingSummary({ meeting, headingLevel }: { meeting: MeetingSummaryData; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const location = [meeting.locationRoom, meeting.locationAddress].filter(Boolean).join(", ");
  return (
    <div>
      <Heading className="mt-0">
        <Link to={`/sitzungen/${meeting.id}`}>{meeting.name}</Link>
      </Heading>
      <p>
        <MeetingTime start={meeting.start} end={meeting.end} />
        {location ? <> · {location}</> : null}
      </p>
      <p className="text-sm text-slate-700">
        {t.meetings.details.state}: {t.meetings.states[meeting.state]}
        {meeting.cancelled ? <strong className="ml-2 text-red-800">{t.meetings.cancelled}</strong> : null}
      </p>
    </div>
  );
}
