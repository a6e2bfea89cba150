import { z } from "zod";

/** PostgreSQL `integer` (our identity columns) ends here; a larger number makes it refuse the query. */
export const MAX_ID = 2_147_483_647;

const e = {
  id: "Bitte wählen Sie einen gültigen Eintrag aus.",
  required: (label: string) => `Bitte füllen Sie „${label}“ aus.`,
  tooShort: (label: string, min: number) => `„${label}“ muss mindestens ${min} Zeichen lang sein.`,
  tooLong: (label: string, max: number) => `„${label}“ darf höchstens ${max} Zeichen lang sein.`,
  notFound: "Diese Seite gibt es nicht.",
};

// C0 control characters except tab (\t) and newline (\n); \r goes too, so CRLF becomes LF.
// PostgreSQL refuses NUL in text (SQLSTATE 22021); the others are never meaningful input.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** Drops NUL and other control characters (keeps tab and newline). */
export function cleanText(value: string): string {
  return value.replace(CONTROL, "");
}

/** A copy of the form with every string value cleaned: no NUL byte reaches the database. */
export function cleanFormData(form: FormData): FormData {
  const cleaned = new FormData();
  for (const [key, value] of form.entries()) cleaned.append(cleanText(key), typeof value === "string" ? cleanText(value) : value);
  return cleaned;
}

/** No form of ours has more fields; the largest (knock-out checks, scores) stay far below. */
export const MAX_FORM_FIELDS = 500;
/** No list in a form (attendees, linked topics, coauthors) is longer. */
export const MAX_REPEATED_FIELD = 200;

/** Null when the form is within bounds, else which bound it broke. */
export function formBoundBroken(keys: Iterable<string>): "fields" | "repeated" | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const key of keys) {
    if (++total > MAX_FORM_FIELDS) return "fields";
    const count = (counts.get(key) ?? 0) + 1;
    if (count > MAX_REPEATED_FIELD) return "repeated";
    counts.set(key, count);
  }
  return null;
}

const formRefusals = {
  broken: "Die Formulardaten sind beschädigt und konnten nicht gelesen werden.",
  tooMany: "Das Formular enthält zu viele Felder oder zu lange Listen.",
};

/**
 * `await request.formData()`, bounded and cleaned (see `cleanFormData`): an unreadable body is a
 * 400, too many fields or too long a list a 413, before any of it reaches a model.
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response(formRefusals.broken, { status: 400, statusText: "Bad Request" });
  }
  if (formBoundBroken(form.keys())) throw new Response(formRefusals.tooMany, { status: 413, statusText: "Payload Too Large" });
  return cleanFormData(form);
}

/**
 * A database id as text (`"42"`), or null: plain decimal digits only, 1 … 2147483647. No sign,
 * space, leading zero, hex (`0x1`), exponent (`1e3`) or fraction, so one id has one spelling.
 */
export function parseId(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= MAX_ID ? value : null;
  if (typeof value !== "string" || !/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}

/** A route parameter that must be an id; anything else answers 404 before any query. */
export function routeId(value: string | undefined, message = e.notFound): number {
  const id = parseId(value);
  if (id === null) throw new Response(message, { status: 404, statusText: "Not Found" });
  return id;
}

/** A form field holding an id (hidden input, select): 1 … 2147483647, else a German field error. */
export function idField(message = e.id) {
  return z.unknown().transform((value, ctx) => {
    const id = parseId(value);
    if (id === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return id;
  });
}

/** Like `idField`, but empty or missing means null. */
export function optionalIdField(message = e.id) {
  return z.unknown().transform((value, ctx) => {
    if (value === undefined || value === null || value === "") return null;
    const id = parseId(value);
    if (id === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return id;
  });
}

const cleaned = z.unknown().transform((value) => (typeof value === "string" ? cleanText(value).trim() : ""));

/** Required free text: control characters stripped, trimmed, length-checked with a German message. */
export function textField({ min = 1, max, label }: { min?: number; max: number; label: string }) {
  return cleaned.pipe(z.string().min(1, e.required(label)).min(min, e.tooShort(label, min)).max(max, e.tooLong(label, max)));
}

/** Optional free text: as `textField`, empty becomes "". */
export function optionalTextField({ max, label }: { max: number; label: string }) {
  return cleaned.pipe(z.string().max(max, e.tooLong(label, max)));
}

/** Optional trimmed text with the domain's own "too long" message; empty or missing becomes null. */
export function nullableTextField(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));
}

/** A query-string filter bounded to known values: anything else is ignored (undefined). */
export function filterParam<T extends string>(url: URL, name: string, allowed: readonly T[]): T | undefined {
  const value = url.searchParams.get(name);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * The forms of a page that edits an ordered list in place (agenda, Gremienweg): add a row, or
 * update, remove or move up or down the row named in `rowField`.
 */
export function orderedListIntents<K extends string>(rowField: K) {
  const row = { [rowField]: idField() } as { [P in K]: ReturnType<typeof idField> };
  return z.discriminatedUnion("intent", [z.object({ intent: z.literal("add") }), z.object({ intent: z.enum(["update", "remove", "up", "down"]), ...row })]);
}
