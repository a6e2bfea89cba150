import type { Params } from "@remix-run/react";
import { t } from "~/i18n/de";
import { routeId } from "~/lib/fields";
import { findMeeting } from "~/meetings/meetings.server";
import { notFound } from "~/policy.server";

/** The meeting a page's :id names, or the meetings' not-found page. */
export async function loadMeeting(params: Params) {
  const id = routeId(params.id, t.meetings.errors.notFound);
  return (await findMeeting({ id })) ?? notFound(t.meetings.errors.notFound);
}
