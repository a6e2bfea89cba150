import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { MeetingForm } from "~/meetings/ui/meeting-form";
import { t } from "~/i18n/de";
import { toBerlinLocalInput } from "~/lib/dates";
import { parseForm } from "~/lib/form";
import { MeetingSchema } from "~/meetings/schemas.server";
import { loadMeeting } from "~/meetings/access.server";
import { updateMeeting } from "~/meetings/meetings.server";
import { notFound, requirePermission } from "~/policy.server";
import { readForm, routeId } from "~/lib/fields";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.meetings.editMeeting} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:meeting");
  const meeting = await loadMeeting(params);
  return json({
    meeting: { ...meeting, start: toBerlinLocalInput(meeting.start), end: toBerlinLocalInput(meeting.end) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:meeting");
  const id = routeId(params.id, t.meetings.errors.notFound);
  const parsed = parseForm(MeetingSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 422 });
  const result = await updateMeeting({ actorId: user.id, id, input: parsed.data });
  if (!result.ok) {
    if (result.status === 404) notFound(result.errors.form);
    return json({ errors: result.errors }, { status: result.status });
  }
  return redirect(`/sitzungen/${id}`);
}

export default function EditMeetingPage() {
  const { meeting } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <TitledSection id="edit-meeting-title" title={t.meetings.editMeeting}>
      <p className="no-print">
        <Link to={`/sitzungen/${meeting.id}`}>{meeting.name}</Link>
      </p>
      <MeetingForm values={meeting} errors={data?.errors ?? {}} submitLabel={t.common.save} />
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.meetings.errors.notFound });
