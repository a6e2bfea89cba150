import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { MeetingForm } from "~/meetings/ui/meeting-form";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { MeetingSchema } from "~/meetings/schemas.server";
import { createMeeting } from "~/meetings/meetings.server";
import { requirePermission } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.meetings.newMeeting} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:meeting");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:meeting");
  const parsed = parseForm(MeetingSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 422 });
  const id = await createMeeting({ actorId: user.id, input: parsed.data });
  return redirect(`/sitzungen/${id}/tagesordnung`);
}

export default function NewMeetingPage() {
  const data = useActionData<typeof action>();
  return (
    <TitledSection id="new-meeting-title" title={t.meetings.newMeeting}>
      <MeetingForm errors={data?.errors ?? {}} submitLabel={t.meetings.newMeeting} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
