import { z } from "zod";
import { t } from "~/i18n/de";

const text = t.oparl.admin.errors;
const httpUrl = z
  .string()
  .trim()
  .max(2000, text.url)
  .url(text.url)
  .refine((value) => /^https?:\/\//i.test(value), text.url);

/** The /admin/oparl source form: a System URL and optionally a Body on the same host. */
export const SourceSettingSchema = z
  .object({
    systemUrl: httpUrl,
    bodyUrl: z
      .union([httpUrl, z.literal("").transform(() => null)])
      .optional()
      .transform((value) => value ?? null),
  })
  .refine((value) => !value.bodyUrl || new URL(value.bodyUrl).host === new URL(value.systemUrl).host, { message: text.bodyHost, path: ["bodyUrl"] });
