/**
 * The one shape of "the domain refused": a status and German messages per field, the whole
 * form's under `form`. Domain code returns it (or throws a RefusalError where a return would
 * thread through many layers); only routes turn it into a response (decision 044).
 */
export type RefusalStatus = 400 | 403 | 404 | 409 | 413 | 422 | 429;
export type FieldErrors = Record<string, string>;
export type Refusal = { ok: false; status: RefusalStatus; errors: FieldErrors };

/** `refuse(404, "Dieses Thema gibt es nicht.")` or `refuse(422, { title: "…" })`. */
export function refuse(status: RefusalStatus, errors: string | FieldErrors): Refusal {
  return { ok: false, status, errors: typeof errors === "string" ? { form: errors } : errors };
}

/** The sentence to show when only one fits: the form's message, else the first field's. */
export function refusalMessage(refusal: Pick<Refusal, "errors">): string {
  return refusal.errors.form ?? Object.values(refusal.errors)[0] ?? "";
}

export class RefusalError extends Error {
  readonly refusal: Refusal;
  constructor(status: RefusalStatus, errors: string | FieldErrors) {
    const refusal = refuse(status, errors);
    super(refusalMessage(refusal));
    this.name = "RefusalError";
    this.refusal = refusal;
  }

  get status() {
    return this.refusal.status;
  }
}
