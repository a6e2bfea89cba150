import { routeId } from "~/lib/fields";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "~/i18n/de";
import { downloadResponse } from "~/server/download-response.server";
import { meetingCalendar } from "~/meetings/calendar-feed.server";
import { getUser, notFound } from "~/policy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const id = routeId(params.id, t.meetings.errors.notFound);
  const body = await meetingCalendar({ viewer: user, id });
  if (!body) notFound(t.meetings.errors.notFound);
  return downloadResponse(body, `sitzung-${id}.ics`, "calendar");
}
