import { CONSULTATION_RESULTS, PAPER_TYPES, type ConsultationResult, type ConsultationRole, type PaperType } from "#db/schema";

/**
 * Reading untidy OParl: "", "N/A", "-", null and [] mean absent; 1.0 and 1.1 types alike;
 * a single value where a list belongs; invalid date-times dropped. Pure functions.
 */
const ABSENT = new Set(["", "n/a", "na", "-", "null", "undefined", "k.a.", "keine angabe"]);

export function present(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return !ABSENT.has(value.trim().toLowerCase());
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Trimmed text, control characters folded into spaces, or null; refuses over `max`. */
export function textOf(value: unknown, max = 2000): string | null | "too-long" {
  if (typeof value === "number") value = String(value);
  if (typeof value !== "string" || !present(value)) return null;
  const cleaned = value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ")
    .replace(/\r\n?/g, "\n")
    .trim();
  if (!cleaned) return null;
  return cleaned.length > max ? "too-long" : cleaned;
}

export function dateTimeOf(value: unknown): Date | null {
  if (typeof value !== "string" || !present(value)) return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())) return null;
  const parsed = new Date(value.trim());
  if (Number.isNaN(parsed.getTime())) return null;
  const year = parsed.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? parsed : null;
}

export function dateOf(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return null;
  const day = value.trim().slice(0, 10);
  const parsed = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day ? null : day;
}

/** A list property that may come as one value (spec says list, real servers send one). */
export function listOf(value: unknown): unknown[] {
  if (!present(value)) return [];
  return Array.isArray(value) ? value.filter(present) : [value];
}

/** "Paper" for https://schema.oparl.org/1.0/Paper and …/1.1/Paper; null otherwise. */
export function typeNameOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^https?:\/\/schema\.oparl\.org\/1\.[01]\/([A-Za-z]+)\/?$/.exec(value.trim());
  return match ? match[1] : null;
}

/** A web page address when it is an http(s) URL, cut to 2,000 characters. */
export function webUrlOf(value: unknown): string | null {
  return typeof value === "string" && /^https?:\/\//.test(value) ? value.slice(0, 2000) : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isDeleted(object: Record<string, unknown>) {
  return object.deleted === true || object.deleted === "true";
}

/** Paper types the portal knows are mapped onto its own words; the rest is kept as given. */
export function mapPaperType(raw: string | null): PaperType | string {
  if (!raw) return "Vorlage";
  const lower = raw.toLowerCase();
  const known = PAPER_TYPES.find((type) => lower === type.toLowerCase());
  if (known) return known;
  if (lower.startsWith("mitteilung") || lower.startsWith("informationsvorlage")) return "Mitteilung";
  if (lower.startsWith("beschlussvorlage")) return "Beschlussvorlage";
  if (lower.startsWith("antrag") || lower.endsWith("antrag")) return "Antrag";
  if (lower.startsWith("anfrage")) return "Anfrage";
  if (lower.startsWith("stellungnahme")) return "Stellungnahme";
  return raw.slice(0, 200);
}

/** Consultation.role is free text in OParl: the portal's three roles, else raw text kept. */
export function mapRole(raw: string | null, authoritative: boolean | null): { role: ConsultationRole; roleText: string | null } {
  const lower = (raw ?? "").toLowerCase();
  if (lower.includes("vorberat")) return { role: "vorberatung", roleText: null };
  if (lower.includes("entscheid") || lower.includes("beschluss")) return { role: "entscheidung", roleText: null };
  if (lower.includes("kenntnis")) return { role: "kenntnisnahme", roleText: null };
  const role: ConsultationRole = authoritative ? "entscheidung" : "vorberatung";
  return { role, roleText: raw ? raw.slice(0, 200) : null };
}

const RESULT_WORDS: Array<[RegExp, ConsultationResult]> = [
  [/einstimmig/i, "einstimmig"],
  [/mehrheitlich|mit mehrheit/i, "mehrheitlich"],
  [/ge(ä|ae)ndert|mit (ä|ae)nderung/i, "geaendert"],
  [/kenntnis/i, "kenntnis"],
  [/abgelehnt/i, "abgelehnt"],
  [/verworfen/i, "verworfen"],
  [/vertagt|zur(ü|ue)ckgestellt/i, "vertagt"],
  [/ohne (be|beschlussempfehlung)/i, "ohne_be"],
  [/abgesetzt/i, "abgesetzt"],
];

/** AgendaItem.result as the portal's result box, or null with the raw text kept. */
export function mapResult(raw: string | null): { result: ConsultationResult | null; resultText: string | null } {
  if (!raw) return { result: null, resultText: null };
  for (const [pattern, result] of RESULT_WORDS) {
    if (pattern.test(raw)) return { result: CONSULTATION_RESULTS.includes(result) ? result : null, resultText: raw === result ? null : raw.slice(0, 500) };
  }
  return { result: null, resultText: raw.slice(0, 500) };
}
