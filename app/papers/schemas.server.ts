import { z } from "zod";
import { CONSULTATION_RESULTS, CONSULTATION_ROLES, PAPER_TYPES, VOTED_RESULTS } from "#db/schema";
import { t } from "~/i18n/de";
import { PAPER_STATUSES } from "./status.server";
import { idField, nullableTextField } from "~/lib/fields";

const e = () => t.papers.errors;
const optionalText = (max: number) => nullableTextField(max, e().tooLong);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Bitte geben Sie ein gültiges Datum ein." });
const count = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const number = /^[0-9]{1,3}$/.test(value) ? Number(value) : NaN;
    if (Number.isNaN(number)) {
      ctx.addIssue({ code: "custom", message: e().countInvalid });
      return z.NEVER;
    }
    return number;
  });

export const PaperSchema = z.object({
  reference: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}\/[0-9]{4}\/[0-9]{4}$/, { message: e().referenceFormat }),
  paperType: z.enum(PAPER_TYPES, { errorMap: () => ({ message: e().paperType }) }),
  name: z.string().trim().min(3, e().nameRequired).max(500, e().tooLong),
  date: isoDate,
  originator: z.string().trim().min(2, e().originatorRequired).max(200, e().tooLong),
  underDirectionOf: optionalText(200),
  fileNumber: optionalText(100),
  body: z.string().trim().max(50_000, e().tooLong).default(""),
  resolutionRecommendation: optionalText(20_000),
  isPublic: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  relatedReferences: z
    .string()
    .optional()
    .transform((value) => [
      ...new Set(
        (value ?? "")
          .split(/[\s,;]+/)
          .map((item) => item.trim())
          .filter(Boolean),
      ),
    ])
    .refine((items) => items.every((item) => /^[A-Z]{2}\/[0-9]{4}\/[0-9]{4}$/.test(item)), { message: e().relatedFormat }),
});
export type PaperInput = z.infer<typeof PaperSchema>;

export const ConsultationSchema = z
  .object({
    organizationId: idField(e().organization),
    date: z
      .union([isoDate, z.literal("")])
      .optional()
      .transform((value) => value || null),
    agendaItemNumber: optionalText(20).refine((value) => value === null || /^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$/.test(value), {
      message: e().agendaNumber,
    }),
    isPublic: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
    role: z.enum(CONSULTATION_ROLES, { errorMap: () => ({ message: e().role }) }),
    result: z
      .union([z.enum(CONSULTATION_RESULTS), z.literal("")])
      .optional()
      .transform((value) => value || null),
    countYes: count,
    countNo: count,
    countAbstention: count,
  })
  .superRefine((value, ctx) => checkCounts(value, ctx));
export type ConsultationInput = z.infer<typeof ConsultationSchema>;

type CountFields = {
  result: (typeof CONSULTATION_RESULTS)[number] | null;
  countYes: number | null;
  countNo: number | null;
  countAbstention: number | null;
  date: string | null;
};

/** Mirrors the DB checks on consultations, so the form can say which field is wrong. */
function checkCounts(value: CountFields, ctx: z.RefinementCtx) {
  const hasCounts = value.countYes !== null || value.countNo !== null || value.countAbstention !== null;
  if (value.result && !value.date) ctx.addIssue({ code: "custom", path: ["date"], message: e().resultNeedsDate });
  if (hasCounts && !(VOTED_RESULTS as readonly string[]).includes(value.result ?? "")) {
    ctx.addIssue({ code: "custom", path: ["result"], message: e().countsNeedVote });
  }
  if (value.result === "einstimmig" && (value.countNo ?? 0) > 0) {
    ctx.addIssue({ code: "custom", path: ["countNo"], message: e().unanimousAgainst });
  }
  const yes = value.countYes;
  const no = value.countNo ?? 0;
  if ((value.result === "mehrheitlich" || value.result === "geaendert") && yes !== null && yes <= no) {
    ctx.addIssue({ code: "custom", path: ["countYes"], message: e().majorityCounts });
  }
  if ((value.result === "abgelehnt" || value.result === "verworfen") && yes !== null && value.countNo !== null && no < yes) {
    ctx.addIssue({ code: "custom", path: ["countNo"], message: e().rejectedCounts });
  }
}

export const PaperFilterSchema = z.object({
  typ: z.enum(PAPER_TYPES).optional().catch(undefined),
  gremium: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .catch(undefined),
  jahr: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  status: z.enum(PAPER_STATUSES).optional().catch(undefined),
});
export type PaperFilters = z.infer<typeof PaperFilterSchema>;
