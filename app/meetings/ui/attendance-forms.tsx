import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import type { Attendee } from "./attendance-list";
import { Field, FormAlert, FieldError, SubmitButton } from "~/ui/form";

type Member = { id: number; name: string | null; organisation: string | null };

export function AttendanceForms({ attendees, members, errors }: { attendees: Attendee[]; members: Member[]; errors: Record<string, string> }) {
  const a = t.meetings.attendance;
  const present = new Set(attendees.map((x) => x.userId));
  const guests = attendees.filter((x) => x.isGuest);
  return (
    <>
      <FormAlert message={errors.form} />
      <Form method="post" className="space-y-2">
        <input type="hidden" name="intent" value="attendance" />
        <fieldset aria-describedby={errors.userIds ? "userIds-error" : undefined}>
          <legend className="font-medium">{a.members}</legend>
          {members.map((member) => (
            <div key={member.id}>
              <input id={`member-${member.id}`} type="checkbox" name="userIds" value={member.id} defaultChecked={present.has(member.id)} />{" "}
              <label htmlFor={`member-${member.id}`}>
                {member.name}
                {member.organisation ? ` (${member.organisation})` : ""}
              </label>
            </div>
          ))}
          <FieldError id="userIds-error" message={errors.userIds} />
        </fieldset>
        <SubmitButton>{a.saveMembers}</SubmitButton>
      </Form>
      <h3>{a.guests}</h3>
      <ul className="space-y-1">
        {guests.map((guest) => (
          <li key={guest.id}>
            <Form method="post" className="flex items-center gap-2">
              <span>
                {guest.name}
                {guest.organisation ? ` (${guest.organisation})` : ""}
              </span>
              <input type="hidden" name="intent" value="remove-attendee" />
              <input type="hidden" name="attendeeId" value={guest.id} />
              <SubmitButton className="btn-secondary px-2 py-1 text-sm">{a.removeGuest(guest.name)}</SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-3 max-w-xl space-y-2" noValidate>
        <input type="hidden" name="intent" value="guest" />
        <Field name="guestName" label={a.guestName} errors={errors} required />
        <Field name="guestAffiliation" label={a.guestAffiliation} errors={errors} />
        <SubmitButton>{a.addGuest}</SubmitButton>
      </Form>
    </>
  );
}
