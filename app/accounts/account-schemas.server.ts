import { z } from "zod";
import { ROLES } from "#db/schema";
import { t } from "~/i18n/de";
import { passwordProblem } from "./password.server";

const e = t.accounts.errors;

/** "KI, IT-Sicherheit, KI" → ["KI", "IT-Sicherheit"] */
function parseExpertise(value: string) {
  const tags = value
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

export const profileFields = {
  name: z.string({ required_error: e.nameRequired }).trim().min(1, e.nameRequired).max(120, e.nameTooLong),
  organisation: z
    .string()
    .trim()
    .max(200, e.organisationTooLong)
    .optional()
    .transform((value) => value || null),
  expertise: z
    .string()
    .max(500, e.expertiseInvalid)
    .optional()
    .transform((value) => parseExpertise(value ?? ""))
    .refine((tags) => tags.length <= 10 && tags.every((tag) => tag.length <= 40), e.expertiseInvalid),
};

export const ProfileSchema = z.object(profileFields);

type NewPassword = { password: string; passwordConfirm: string };

/** The password rules plus the confirm field; `context` lets the rules refuse the email in it. */
export function checkNewPassword(data: NewPassword, ctx: z.RefinementCtx, context: { email?: string; name?: string } = {}) {
  const problem = passwordProblem(data.password, context);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["password"], message: problem });
  else if (data.password !== data.passwordConfirm) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["passwordConfirm"], message: e.passwordMismatch });
}

export const newPasswordFields = {
  password: z.string({ required_error: e.passwordRequired }).max(1000),
  passwordConfirm: z.string().max(1000).default(""),
};

export const roleField = z.enum(ROLES, { errorMap: () => ({ message: e.roleInvalid }) });

export const InvitationSchema = z.object({
  email: z.string().trim().toLowerCase().max(320, e.emailInvalid).email(e.emailInvalid),
  role: roleField,
});
