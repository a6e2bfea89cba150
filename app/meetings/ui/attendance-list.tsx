import { t } from "~/i18n/de";

export type Attendee = { id: number; userId: number | null; name: string; organisation: string | null; isGuest: boolean };

export function AttendanceList({ attendees }: { attendees: Attendee[] }) {
  if (attendees.length === 0) return <p>{t.meetings.attendance.none}</p>;
  const groups = [
    { title: t.meetings.attendance.members, people: attendees.filter((a) => !a.isGuest) },
    { title: t.meetings.attendance.guests, people: attendees.filter((a) => a.isGuest) },
  ].filter((group) => group.people.length > 0);
  return (
    <>
      {groups.map((group) => (
        <div key={group.title}>
          <h3>{group.title}</h3>
          <ul className="list-disc pl-6">
            {group.people.map((person) => (
              <li key={person.id}>
                {person.name}
                {person.organisation ? ` (${person.organisation})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
