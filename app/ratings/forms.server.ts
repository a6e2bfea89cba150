import { z } from "zod";
import { RANKING_METHODS, RATING_LIMITS as L } from "#db/schema";
import { t } from "~/i18n/de";
import { parseBerlinLocal } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form";
import { RefusalError } from "~/lib/refusal";
import type { ScoreEntry } from "~/ratings/scores.server";
import { optionalIdField, parseId } from "~/lib/fields";

const e = t.ratings.errors;

const text = (max: number) => z.string().trim().max(max, e.tooLong(max)).default("");
const required = (min: number, max: number) =>
  z
    .string({ required_error: e.shortText(min, max) })
    .trim()
    .min(min, e.shortText(min, max))
    .max(max, e.shortText(min, max));
const optionalId = optionalIdField(e.foreignKey);
const triState = z
  .enum(["", "ja", "nein"])
  .optional()
  .transform((value) => (value === "ja" ? true : value === "nein" ? false : null));

export const RoundSchema = z.object({
  title: z.string({ required_error: e.titleLength }).trim().min(L.titleMin, e.titleLength).max(L.titleMax, e.titleLength),
  description: text(L.descriptionMax),
  topicId: optionalId,
  rankingMethod: z.enum(RANKING_METHODS, { errorMap: () => ({ message: e.methodInvalid }) }),
});

export const ProposalSchema = z.object({
  title: required(2, 200),
  vendor: required(2, 200),
  summary: text(L.summaryMax),
  hostingLocation: text(L.factMax),
  avvAvailable: triState,
  bsiC5: triState,
  iso27001: triState,
  accessibility: text(L.factMax),
  priceModel: text(L.factMax),
  referenceCustomers: text(L.factMax),
});

const integerIn = (min: number, max: number, message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .regex(/^\d{1,3}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

export const CriterionSchema = z.object({
  title: required(2, L.criterionTitleMax),
  scaleDescription: text(L.scaleMax),
  weight: integerIn(0, 100, e.weightInvalid),
});

export const KnockoutSchema = z.object({ title: required(2, L.criterionTitleMax), description: text(L.scaleMax) });

export const OpenSchema = z.object({
  closesAt: z.string({ required_error: e.dateInvalid }).transform((value, ctx) => {
    const date = parseBerlinLocal(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: e.dateInvalid });
      return z.NEVER;
    }
    if (date.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", message: e.closing_date_past });
      return z.NEVER;
    }
    return date;
  }),
});

export const RecusalSchema = z.object({ reason: required(3, 2000) });

export const ItemSchema = z.object({
  itemId: z
    .string()
    .regex(/^\d{1,9}$/, e.unknownIntent)
    .transform(Number),
});

/** `weight-<criterionId>` fields; every criterion of the round must be present. */
export function parseWeights(form: FormData, criterionIds: number[]): { ok: true; weights: Map<number, number> } | { ok: false; errors: FieldErrors } {
  const weights = new Map<number, number>();
  const errors: FieldErrors = {};
  for (const key of form.keys()) {
    const id = Number(/^weight-(\d+)$/.exec(key)?.[1]);
    if (key.startsWith("weight-") && !criterionIds.includes(id)) throw new RefusalError(422, e.criterionNotFound);
  }
  for (const id of criterionIds) {
    const parsed = integerIn(0, 100, e.weightInvalid).safeParse(form.get(`weight-${id}`) ?? "");
    if (parsed.success) weights.set(id, parsed.data);
    else errors[`weight-${id}`] = e.weightInvalid;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, weights };
}

/** `check-<proposalId>-<knockoutId>` = ja | nein. */
export function parseKnockoutChecks(form: FormData) {
  const checks: Array<{ proposalId: number; knockoutId: number; passed: boolean }> = [];
  for (const [key, value] of form.entries()) {
    const match = /^check-(\d+)-(\d+)$/.exec(key);
    if (!match || (value !== "ja" && value !== "nein")) continue;
    const proposalId = parseId(match[1]);
    const knockoutId = parseId(match[2]);
    if (proposalId === null || knockoutId === null) throw new RefusalError(422, e.criterionNotFound);
    checks.push({ proposalId, knockoutId, passed: value === "ja" });
  }
  return checks;
}

/**
 * `score-<criterionId>` and `reason-<criterionId>`: empty scores are skipped (partial saves keep
 * what was saved before); a criterion outside the round is a 422, not a silent skip.
 */
export function parseScores(form: FormData, criterionIds: number[]): { ok: true; entries: ScoreEntry[] } | { ok: false; errors: FieldErrors } {
  for (const key of form.keys()) {
    const match = /^(?:score|reason)-(.*)$/.exec(key);
    if (match && !criterionIds.includes(Number(match[1]))) throw new RefusalError(422, e.criterionNotFound);
  }
  const entries: ScoreEntry[] = [];
  const errors: FieldErrors = {};
  for (const id of criterionIds) {
    const raw = String(form.get(`score-${id}`) ?? "").trim();
    const reason = String(form.get(`reason-${id}`) ?? "").trim();
    if (raw === "") continue;
    if (!/^\d{1,2}$/.test(raw) || Number(raw) < L.scoreMin || Number(raw) > L.scoreMax) {
      errors[`score-${id}`] = e.scoreInvalid;
      continue;
    }
    const score = Number(raw);
    if ((score < L.reasonBelow || score > L.reasonAbove) && reason === "") errors[`reason-${id}`] = e.reasonRequired;
    else if (reason.length > L.reasonMax) errors[`reason-${id}`] = e.tooLong(L.reasonMax);
    else entries.push({ criterionId: id, score, reason });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, entries };
}
