import { redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { t } from "~/i18n/de";
import { readForm, routeId } from "~/lib/fields";
import type { FieldErrors } from "~/lib/refusal";
import { requirePermission } from "~/policy.server";
import { rowRefusalResponse } from "~/server/refusal-response.server";

type Outcome = { ok: true } | { ok: false; status: number; errors: FieldErrors };

/**
 * The action of a meeting's editing pages (agenda, minutes): staff only, the meeting from :id, the
 * page's own intents, a refusal shown at the row that sent it, success back to the same page.
 */
export async function meetingEditAction(
  { request, params }: { request: Request; params: Params },
  page: "tagesordnung" | "protokoll",
  runIntent: (actorId: number, meetingId: number, form: FormData) => Promise<Outcome>,
) {
  const user = await requirePermission(request, "manage:meeting");
  const meetingId = routeId(params.id, t.meetings.errors.notFound);
  const form = await readForm(request);
  const result = await runIntent(user.id, meetingId, form);
  if (!result.ok) return rowRefusalResponse(result, form, { rowField: "itemId", notFoundMessage: t.meetings.errors.notFound });
  return redirect(`/sitzungen/${meetingId}/${page}`);
}
