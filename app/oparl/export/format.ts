/** OParl's JSON conventions (spec 2.4): dates, date-times, and no empty optional fields. */

export const OPARL_VERSION = "https://schema.oparl.org/1.1/";
export const VENDOR = "digitalbeirat";

export type OparlType =
  "System" | "Body" | "LegislativeTerm" | "Organization" | "Person" | "Membership" | "Meeting" | "AgendaItem" | "Paper" | "Consultation" | "File" | "Location";

export function typeUrl(type: OparlType) {
  return `https://schema.oparl.org/1.1/${type}`;
}

/** yyyy-mm-ddThh:mm:ss±hh:mm, in UTC (+00:00), whole seconds. */
export function oparlDateTime(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** yyyy-mm-dd of an instant in Europe/Berlin. */
export function berlinDate(value: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(value);
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/** Drops null, undefined, "" and [] (spec: optional properties without data are left out). */
export function compact<T extends Record<string, Json>>(object: T): T {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as T;
}

export type OparlObject = { id: string; type: string; created: string; modified: string; [key: string]: Json };

/** A deleted (or no longer public) object: id, type, created kept; modified = when it went. */
export function tombstone(id: string, type: OparlType, created: Date, deletedAt: Date): OparlObject {
  return { id, type: typeUrl(type), created: oparlDateTime(created), modified: oparlDateTime(deletedAt), deleted: true };
}
