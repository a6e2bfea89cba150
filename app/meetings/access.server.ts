import { json, redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { t } from "~/i18n/de";
import { readForm, routeId } from "~/lib/fields";
import { findMeeting } from "~/meetings/meetings.server";
import { notFound, requirePermission } from "~/policy.server";

/** The meeting a page's :id names, or the meetings' not-found page. */
export async function loadMeeting(params: Params) {
  const id = routeId(params.id, t.meetings.errors.notFound);
  return (await findMeeting({ id })) ?? notFound(t.meetings.errors.notFound);
}

type Outcome = { ok: true } | { ok: false; status: number; errors: Record<string, string> };

/**
 * The action of a meeting's edit pages (agenda, minutes), each with several forms: runs the
 * page's intent, then back to the page; a refusal comes back with the intent and agenda item
 * that sent it, so the page shows it at that form.
 */
export async function meetingEditAction(
  request: Request,
  params: Params,
  page: "tagesordnung" | "protokoll",
  runIntent: (actorId: number, meetingId: number, form: FormData) => Promise<Outcome>,
) {
  const user = await requirePermission(request, "manage:meeting");
  const meetingId = routeId(params.id, t.meetings.errors.notFound);
  const form = await readForm(request);
  const result = await runIntent(user.id, meetingId, form);
  if (!result.ok) {
    if (result.status === 404) notFound(result.errors.form ?? t.meetings.errors.notFound);
    return json({ errors: result.errors, intent: String(form.get("intent")), itemId: String(form.get("itemId") ?? "") }, { status: result.status });
  }
  return redirect(`/sitzungen/${meetingId}/${page}`);
}
