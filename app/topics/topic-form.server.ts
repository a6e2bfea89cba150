import type { ZodTypeAny, z } from "zod";
import { parseForm } from "~/lib/form";
import { renderCommentMarkdown } from "~/topics/comments.server";

type Feedback = { values: Record<string, string>; errors: Record<string, string>; previewHtml: string | null };

/**
 * The topic form (new and edit alike) before the model call: the preview intent renders the body
 * and stops there; otherwise the schema parses the form, and field errors stop with a 422.
 */
export function readTopicForm<S extends ZodTypeAny>(
  form: FormData,
  schema: S,
): { ok: false; status: number; feedback: Feedback } | { ok: true; values: Record<string, string>; data: z.infer<S> } {
  const values = Object.fromEntries(form) as Record<string, string>;
  if (form.get("intent") === "preview") {
    return { ok: false, status: 200, feedback: { values, errors: {}, previewHtml: renderCommentMarkdown(String(form.get("body") ?? "").slice(0, 20_000)) } };
  }
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return { ok: false, status: 422, feedback: { values, errors: parsed.errors, previewHtml: null } };
  return { ok: true, values, data: parsed.data };
}
