import { toBerlinLocalInput } from "~/lib/dates";
import { t } from "~/i18n/de";

/** iCalendar (RFC 5545) for board meetings: Europe/Berlin with its own VTIMEZONE, TZID times. */

export type CalendarItem = { number: string; name: string | null; visible: boolean };
export type CalendarMeeting = {
  id: number;
  name: string;
  start: Date;
  end: Date;
  locationRoom: string | null;
  locationAddress: string | null;
  cancelled: boolean;
  cancellationReason: string | null;
  /** RFC 5545 SEQUENCE: raised on every change of time, place, name or cancellation. */
  sequence?: number;
  items: CalendarItem[];
};

/** PUBLISH for the downloadable files; REQUEST and CANCEL (RFC 5546) for the mailed invitation. */
export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";
export type CalendarParty = { organizer: string; attendee: { email: string; name: string | null } };

const CRLF = "\r\n";

// The EU rule since 1996: CEST from the last Sunday of March 02:00 to the last Sunday of October 03:00.
const BERLIN_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "X-LIC-LOCATION:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(value: string) {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string) {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 20250206T170000: Berlin wall-clock time for DTSTART;TZID=Europe/Berlin. */
export function berlinDateTime(value: Date) {
  return `${toBerlinLocalInput(value).replace(/[-:]/g, "")}00`;
}

function utcDateTime(value: Date) {
  return `${value.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
}

function description(meeting: CalendarMeeting, url: string) {
  const lines = meeting.items.map(
    (item) => `${t.meetings.agenda.top} ${item.number}: ${item.visible && item.name ? item.name : t.meetings.agenda.nonPublicPart}`,
  );
  if (meeting.cancelled) lines.unshift(`${t.meetings.cancelled}: ${meeting.cancellationReason ?? ""}`);
  lines.push("", url);
  return lines.join("\n");
}

export function meetingUid(meetingId: number, baseUrl: string) {
  return `sitzung-${meetingId}@${new URL(baseUrl).host}`;
}

function partyLines(party: CalendarParty | undefined) {
  if (!party) return [];
  const name = party.attendee.name ? `;CN="${party.attendee.name.replace(/["\r\n;:,]/g, " ")}"` : "";
  return [`ORGANIZER:mailto:${party.organizer}`, `ATTENDEE${name};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${party.attendee.email}`];
}

function eventLines(meeting: CalendarMeeting, { baseUrl, now, method, party }: { baseUrl: string; now: Date; method: CalendarMethod; party?: CalendarParty }) {
  const url = `${baseUrl}/sitzungen/${meeting.id}`;
  const location = [meeting.locationRoom, meeting.locationAddress].filter(Boolean).join(", ");
  return [
    "BEGIN:VEVENT",
    `UID:${meetingUid(meeting.id, baseUrl)}`,
    `SEQUENCE:${meeting.sequence ?? 0}`,
    `DTSTAMP:${utcDateTime(now)}`,
    `DTSTART;TZID=Europe/Berlin:${berlinDateTime(meeting.start)}`,
    `DTEND;TZID=Europe/Berlin:${berlinDateTime(meeting.end)}`,
    `SUMMARY:${escapeText(meeting.name)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(description(meeting, url))}`,
    `URL:${url}`,
    `STATUS:${meeting.cancelled || method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    ...partyLines(party),
    "END:VEVENT",
  ];
}

export function buildCalendar({
  meetings,
  name,
  baseUrl,
  now = new Date(),
  method = "PUBLISH",
  party,
}: {
  meetings: CalendarMeeting[];
  name: string;
  baseUrl: string;
  now?: Date;
  method?: CalendarMethod;
  party?: CalendarParty;
}) {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Digitalbeirat//Portal//DE",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    "X-WR-TIMEZONE:Europe/Berlin",
    ...BERLIN_VTIMEZONE,
    ...meetings.flatMap((meeting) => eventLines(meeting, { baseUrl, now, method, party })),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
