import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { listAgendaItems, type AgendaViewer } from "./agenda.server";
import { buildCalendar, type CalendarMeeting } from "./calendar.server";
import { findMeeting, listUpcomingMeetings, type MeetingRow } from "./meetings.server";

async function withItems(viewer: AgendaViewer, meetings: MeetingRow[]): Promise<CalendarMeeting[]> {
  const items = await listAgendaItems({ viewer, meetingIds: meetings.map((m) => m.id) });
  return meetings.map((meeting) => ({ ...meeting, items: items.filter((item) => item.meetingId === meeting.id) }));
}

/** The feed of upcoming meetings; item titles as the viewer may see them. */
export async function upcomingMeetingsCalendar({ viewer, now = new Date() }: { viewer: AgendaViewer; now?: Date }) {
  const meetings = await listUpcomingMeetings({ now });
  return buildCalendar({ meetings: await withItems(viewer, meetings), name: t.meetings.calendarName, baseUrl: env().PORTAL_URL, now });
}

export async function meetingCalendar({ viewer, id }: { viewer: AgendaViewer; id: number }) {
  const meeting = await findMeeting({ id });
  if (!meeting) return null;
  return buildCalendar({ meetings: await withItems(viewer, [meeting]), name: meeting.name, baseUrl: env().PORTAL_URL });
}
