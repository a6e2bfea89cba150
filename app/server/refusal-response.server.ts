import { json } from "@remix-run/node";
import { t } from "~/i18n/de";
import { notFound } from "~/policy.server";
import { RefusalError, type FieldErrors, type Refusal, type RefusalStatus } from "~/lib/refusal";

/** What a form gets back when its fields did not validate: the fields' messages and one above them. */
export function invalidFormData(errors: FieldErrors) {
  return { ok: false as const, errors: { form: t.common.errors.formHasErrors, ...errors } as FieldErrors };
}

export function invalidForm(errors: FieldErrors, status: RefusalStatus = 400) {
  return json(invalidFormData(errors), { status });
}

export function refusalResponse(refusal: Refusal) {
  return json({ ok: false as const, errors: refusal.errors }, { status: refusal.status });
}

/**
 * For pages with one form per row (agenda, minutes, Gremienweg): the refusal with the intent and
 * the row that sent it, so the page shows it at that form; a 404 is the not-found page.
 */
export function rowRefusalResponse<K extends string>(
  refusal: { status: number; errors: FieldErrors },
  form: FormData,
  { rowField, notFoundMessage }: { rowField: K; notFoundMessage: string },
) {
  if (refusal.status === 404) notFound(refusal.errors.form ?? notFoundMessage);
  const row = { [rowField]: String(form.get(rowField) ?? "") } as Record<K, string>;
  return json({ errors: refusal.errors, intent: String(form.get("intent")), ...row }, { status: refusal.status });
}

/** A thrown RefusalError becomes its 4xx with the German message; anything else propagates. */
export function respondToRefusal(error: unknown) {
  if (error instanceof RefusalError) return refusalResponse(error.refusal);
  throw error;
}

/** For loaders: a RefusalError becomes a thrown response, so the error page shows its status and message. */
export async function pageOrRefusal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RefusalError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}
