import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse } from "~/server/download-response.server";
import { upcomingMeetingsCalendar } from "~/meetings/calendar-feed.server";
import { getUser } from "~/policy.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return downloadResponse(await upcomingMeetingsCalendar({ viewer: user }), "sitzungen-digitalbeirat.ics", "calendar");
}
