import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "~/i18n/de";
import { calendarResponse } from "~/meetings/calendar.server";
import { meetingCalendar } from "~/meetings/calendar-feed.server";
import { parseId } from "~/meetings/schemas.server";
import { getUser, notFound } from "~/policy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const id = parseId(params.id) ?? notFound(t.meetings.errors.notFound);
  const body = await meetingCalendar({ viewer: user, id });
  if (!body) notFound(t.meetings.errors.notFound);
  return calendarResponse(body, `sitzung-${id}.ics`);
}
