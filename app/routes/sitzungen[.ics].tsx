import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/meetings/calendar.server";
import { upcomingMeetingsCalendar } from "~/meetings/calendar-feed.server";
import { getUser } from "~/policy.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return calendarResponse(await upcomingMeetingsCalendar({ viewer: user }), "sitzungen-digitalbeirat.ics");
}
