import { optionalIdField } from "~/lib/fields";
import { z } from "zod";
import { MEETING_STATES } from "#db/schema";
import { t } from "~/i18n/de";
import { parseBerlinLocal } from "~/lib/dates";
import { idField, nullableTextField } from "~/lib/fields";

const e = () => t.meetings.errors;
const optionalText = (max: number) => nullableTextField(max, e().tooLong);
const berlinLocal = (message: string) =>
  z.string().transform((value, ctx) => {
    const date = parseBerlinLocal(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return date;
  });
const optionalId = optionalIdField(e().linkInvalid);

export const MeetingSchema = z
  .object({
    name: z.string().trim().min(3, e().nameRequired).max(200, e().tooLong),
    start: berlinLocal(e().startInvalid),
    end: berlinLocal(e().endInvalid),
    locationRoom: optionalText(200),
    locationAddress: optionalText(300),
    state: z.enum(MEETING_STATES, { errorMap: () => ({ message: e().stateInvalid }) }),
    cancelled: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
    cancellationReason: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.end <= value.start) ctx.addIssue({ code: "custom", path: ["end"], message: e().endBeforeStart });
    if (value.cancelled && !value.cancellationReason) {
      ctx.addIssue({ code: "custom", path: ["cancellationReason"], message: e().reasonRequired });
    }
    if (value.cancelled && value.state === "durchgefuehrt") {
      ctx.addIssue({ code: "custom", path: ["cancelled"], message: e().cancelledHeld });
    }
  })
  .transform((value) => ({ ...value, cancellationReason: value.cancelled ? value.cancellationReason : null }));
export type MeetingInput = z.infer<typeof MeetingSchema>;

export const AgendaItemSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$/, { message: e().numberFormat }),
  name: z.string().trim().min(2, e().itemNameRequired).max(300, e().tooLong),
  description: z.string().trim().max(20_000, e().tooLong).default(""),
  isPublic: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  topicId: optionalId,
  ratingRoundId: optionalId,
  paperReference: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^[A-Z]{2}\/[0-9]{4}\/[0-9]{4}$/.test(value), { message: e().paperFormat }),
});
export type AgendaItemInput = z.infer<typeof AgendaItemSchema>;

export const ItemMinutesSchema = z.object({
  itemId: idField(),
  minutes: optionalText(50_000),
  result: optionalText(300),
});
export type ItemMinutesInput = z.infer<typeof ItemMinutesSchema>;

export const GuestSchema = z.object({
  guestName: z.string().trim().min(2, e().guestNameRequired).max(200, e().tooLong),
  guestAffiliation: optionalText(200),
});
