import { Link } from "@remix-run/react";
import { MeetingSummary, type MeetingSummaryData } from "~/meetings/ui/meeting-summary";
import { t } from "~/i18n/de";
import { Panel } from "~/ui/panel";

type NextMeeting = MeetingSummaryData & { publicItemCount: number };

/** The dashboard's "next meeting" box. */
export function NextMeetingSection({ meeting }: { meeting: NextMeeting | null }) {
  const d = t.meetings.dashboard;
  return (
    <Panel id="next-meeting-title" title={d.title} className="my-6 rounded border border-slate-300 p-4">
      {meeting ? (
        <>
          <MeetingSummary meeting={meeting} headingLevel={3} />
          <p className="text-sm text-slate-700">{d.publicItems(meeting.publicItemCount)}</p>
          <p className="no-print mt-2 flex gap-4">
            <Link to={`/sitzungen/${meeting.id}`}>{d.open}</Link>
            <a href={`/sitzungen/${meeting.id}/kalender.ics`}>{t.meetings.download}</a>
          </p>
        </>
      ) : (
        <p>{d.none}</p>
      )}
    </Panel>
  );
}
