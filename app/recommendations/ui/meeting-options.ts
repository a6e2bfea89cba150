import { formatDateTime } from "~/lib/dates";

export type MeetingChoice = { id: number; name: string; start: string };

/** The meetings a recommendation can go to, each with its start; `none` (no meeting) first. */
export const meetingOptions = (meetings: MeetingChoice[], none: string) => [
  { value: "", label: none },
  ...meetings.map((meeting) => ({ value: String(meeting.id), label: `${meeting.name} (${formatDateTime(meeting.start)})` })),
];
