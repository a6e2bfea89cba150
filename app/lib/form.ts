import type { ZodError, ZodTypeAny, z } from "zod";
import { cleanFormData } from "./fields";

export type FieldErrors = Record<string, string>;

/** First message per field, keyed by the field's name. */
export function fieldErrors(error: ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    result[key] ??= issue.message;
  }
  return result;
}

export function parseForm<S extends ZodTypeAny>(schema: S, form: FormData): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  // Control characters (NUL) are dropped here, at the edge: PostgreSQL refuses them with a 500.
  const result = schema.safeParse(Object.fromEntries(cleanFormData(form)));
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}
