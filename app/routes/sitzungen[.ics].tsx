import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/models/calendar.server";
import { upcomingMeetingsCalendar } from "~/models/calendar-feed.server";
import { getUser } from "~/policy.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return calendarResponse(await upcomingMeetingsCalendar({ viewer: user }), "sitzungen-digitalbeirat.ics");
}
