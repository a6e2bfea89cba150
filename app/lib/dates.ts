const TIME_ZONE = "Europe/Berlin";

const dateFormat = new Intl.DateTimeFormat("de-DE", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("de-DE", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const timeFormat = new Intl.DateTimeFormat("de-DE", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });

type DateInput = Date | string | number;
const toDate = (value: DateInput) => (value instanceof Date ? value : new Date(value));

/** 06.02.2025 */
export function formatDate(value: DateInput) {
  return dateFormat.format(toDate(value));
}

/** 06.02.2025, 17:00 Uhr */
export function formatDateTime(value: DateInput) {
  return `${dateTimeFormat.format(toDate(value))} Uhr`;
}

/** 17:00 */
export function formatTime(value: DateInput) {
  return timeFormat.format(toDate(value));
}

/** ISO string for <time dateTime>. */
export function isoString(value: DateInput) {
  return toDate(value).toISOString();
}

/** Offset of Europe/Berlin from UTC in minutes at the given instant (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(instant: Date) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** Parses a `datetime-local` value ("2025-02-06T17:00") as Berlin wall-clock time. */
export function parseBerlinLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const guess = new Date(Date.UTC(y, mo - 1, d, h, mi));
  const offset = berlinOffsetMinutes(new Date(guess.getTime() - berlinOffsetMinutes(guess) * 60000));
  const result = new Date(guess.getTime() - offset * 60000);
  return Number.isNaN(result.getTime()) ? null : result;
}

/** The `datetime-local` value of an instant in Berlin wall-clock time. */
export function toBerlinLocalInput(value: DateInput) {
  const instant = toDate(value);
  const shifted = new Date(instant.getTime() + berlinOffsetMinutes(instant) * 60000);
  return shifted.toISOString().slice(0, 16);
}
