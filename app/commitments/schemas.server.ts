import { z } from "zod";
import { COMMITMENT_STATUSES, RECOMMENDATION_OUTCOMES } from "#db/schema";
import { t } from "~/i18n/de";
import { fieldErrors } from "~/lib/form";
import { cleanFormData, idField, optionalIdField, optionalTextField, textField } from "~/lib/fields";

const f = t.commitments.fields;
const e = t.commitments.errors;
const MAX_LINKS = 50;

const idList = (label: string) =>
  z
    .array(idField())
    .max(MAX_LINKS, e.tooMany(label, MAX_LINKS))
    .transform((ids) => [...new Set(ids)]);

const isoDate = z
  .string()
  .trim()
  .refine((value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`))), e.invalidDate)
  .transform((value) => (value === "" ? null : value));

export const CommitmentSchema = z.object({
  title: textField({ max: 200, label: f.title }),
  promise: textField({ max: 4000, label: f.promise }),
  office: textField({ max: 200, label: f.office }),
  sourcePaper: optionalTextField({ max: 100, label: f.sourcePaper }),
  sourcePassage: optionalTextField({ max: 500, label: f.sourcePassage }),
  sourceAgendaItemId: optionalIdField().optional(),
  dueText: optionalTextField({ max: 200, label: f.dueText }),
  dueDate: isoDate.optional().default(""),
  recommendationIds: idList(f.recommendations).default([]),
  topicIds: idList(f.topics).default([]),
});
export type CommitmentInput = z.infer<typeof CommitmentSchema>;

/** Form data → input; recommendations and topics are repeated checkboxes. */
export function parseCommitmentForm(form: FormData) {
  const cleaned = cleanFormData(form);
  const result = CommitmentSchema.safeParse({
    ...Object.fromEntries(cleaned),
    recommendationIds: cleaned.getAll("recommendationIds"),
    topicIds: cleaned.getAll("topicIds"),
  });
  return result.success ? { ok: true as const, data: result.data } : { ok: false as const, errors: fieldErrors(result.error) };
}

export const StatusChangeSchema = z.object({
  toStatus: z.enum(COMMITMENT_STATUSES, { errorMap: () => ({ message: e.invalidStatus }) }),
  note: textField({ max: 4000, label: f.note }),
  source: optionalTextField({ max: 500, label: f.source }),
});

export const EntrySchema = z.object({
  note: textField({ max: 4000, label: f.note }),
  source: optionalTextField({ max: 500, label: f.source }),
});

export const DueDateSchema = z.object({ dueDate: isoDate });

export const LinkSchema = z.object({ recommendationId: optionalIdField().optional(), topicId: optionalIdField().optional() });

export const OutcomeSchema = z.object({
  outcome: z.enum(RECOMMENDATION_OUTCOMES, { errorMap: () => ({ message: e.invalidOutcome }) }),
  note: optionalTextField({ max: 2000, label: f.outcomeNote }),
});
