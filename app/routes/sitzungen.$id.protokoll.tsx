import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { errorBoundaryWith } from "~/ui/error-page";
import { AttendanceForms } from "~/meetings/ui/attendance-forms";
import { ItemMinutesForm } from "~/meetings/ui/item-minutes-form";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { parseForm } from "~/lib/form";
import { recordItemMinutes } from "~/meetings/agenda-edit.server";
import { listAgendaItems } from "~/meetings/agenda.server";
import { addGuest, listAttendees, listBoardMembers, removeAttendee, setMemberAttendance, setMinutesReleased } from "~/meetings/minutes.server";
import { GuestSchema, ItemMinutesSchema } from "~/meetings/schemas.server";
import { loadMeeting } from "~/meetings/access.server";
import { meetingEditAction } from "~/meetings/edit-action.server";
import { requirePermission } from "~/policy.server";
import { idField } from "~/lib/fields";
import { FormAlert, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.meetings.editMinutes} – Digitalbeirat` }];

const IntentSchema = z.object({ intent: z.enum(["minutes", "attendance", "guest", "remove-attendee", "release", "withdraw"]) });
const AttendeeSchema = z.object({ attendeeId: idField() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:meeting");
  const meeting = await loadMeeting(params);
  const [items, attendees, members] = await Promise.all([
    listAgendaItems({ viewer: user, meetingIds: [meeting.id] }),
    listAttendees({ viewer: user, meetingId: meeting.id }),
    listBoardMembers(),
  ]);
  return json({ meeting, items, attendees, members });
}

type Outcome = { ok: true } | { ok: false; status: number; errors: Record<string, string> };

async function runIntent(actorId: number, meetingId: number, form: FormData): Promise<Outcome> {
  const intent = parseForm(IntentSchema, form);
  if (!intent.ok) return { ok: false, status: 400, errors: { form: t.meetings.errors.badRequest } };
  switch (intent.data.intent) {
    case "minutes": {
      const parsed = parseForm(ItemMinutesSchema, form);
      return parsed.ok ? recordItemMinutes({ actorId, meetingId, input: parsed.data }) : { ok: false, status: 422, errors: parsed.errors };
    }
    case "attendance": {
      const userIds = form.getAll("userIds").map(Number);
      if (userIds.some((value) => !Number.isInteger(value) || value <= 0))
        return { ok: false, status: 422, errors: { userIds: t.meetings.errors.memberUnknown } };
      return setMemberAttendance({ actorId, meetingId, userIds });
    }
    case "guest": {
      const parsed = parseForm(GuestSchema, form);
      return parsed.ok ? addGuest({ actorId, meetingId, ...parsed.data }) : { ok: false, status: 422, errors: parsed.errors };
    }
    case "remove-attendee": {
      const parsed = parseForm(AttendeeSchema, form);
      return parsed.ok
        ? removeAttendee({ actorId, meetingId, attendeeId: parsed.data.attendeeId })
        : { ok: false, status: 400, errors: { form: t.meetings.errors.badRequest } };
    }
    default:
      return setMinutesReleased({ actorId, meetingId, released: intent.data.intent === "release" });
  }
}

export async function action(args: ActionFunctionArgs) {
  return meetingEditAction(args, "protokoll", runIntent);
}

export default function MinutesPage() {
  const { meeting, items, attendees, members } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const m = t.meetings.minutes;
  const held = meeting.state === "durchgefuehrt";
  return (
    <TitledSection id="minutes-title" title={t.meetings.editMinutes}>
      <p>
        <Link to={`/sitzungen/${meeting.id}`}>{meeting.name}</Link>
      </p>
      {!held ? (
        <p role="status">{m.onlyAfterHeld}</p>
      ) : (
        <>
          <FormAlert message={data?.intent === "release" || data?.intent === "withdraw" ? errors.form : undefined} />
          <p>{meeting.minutesReleasedAt ? m.releasedOn(formatDate(meeting.minutesReleasedAt)) : m.draftNotice}</p>
          <Form method="post">
            <SubmitButton intent={meeting.minutesReleasedAt ? "withdraw" : "release"}>{meeting.minutesReleasedAt ? m.withdraw : m.release}</SubmitButton>
          </Form>
          <h2>{t.meetings.agenda.title}</h2>
          {items.map((item) => (
            <ItemMinutesForm key={item.id} item={item} errors={data?.intent === "minutes" && data.itemId === String(item.id) ? errors : {}} />
          ))}
          <h2>{t.meetings.attendance.title}</h2>
          <AttendanceForms
            attendees={attendees}
            members={members}
            errors={data?.intent === "attendance" || data?.intent === "guest" || data?.intent === "remove-attendee" ? errors : {}}
          />
        </>
      )}
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.meetings.errors.notFound });
