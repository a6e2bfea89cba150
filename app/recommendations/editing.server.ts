import { RefusalError, refuse } from "~/lib/refusal";
import { z } from "zod";
import type { SessionUser } from "~/accounts/session.server";
import { t } from "~/i18n/de";
import { fieldErrors } from "~/lib/form";
import { getDraftFormValues, listLinkOptions, parseRecommendationForm, RecommendationTextSchema, saveDraft } from "~/recommendations/drafting.server";
import { correctPublished } from "~/recommendations/publication.server";
import { getVisibleRecommendation, mayEditDraft } from "~/recommendations/recommendations.server";
import { can, forbidden, notFound } from "~/policy.server";

const m = t.recommendations.errors;

const CorrectionSchema = RecommendationTextSchema.omit({ papers: true }).extend({
  correctionNote: z.string().trim().min(1, m.correctionNoteRequired).max(1000),
});

/** Drafts are edited by their authors and staff; a published text only corrected by staff. */
async function editMode({ id, user }: { id: number; user: SessionUser }) {
  const rec = await getVisibleRecommendation({ id, reader: user });
  if (!rec) notFound(t.recommendations.notFound);
  if (rec.status === "draft") {
    if (!(await mayEditDraft({ id, user }))) forbidden(m.notAuthor);
    return { rec, mode: "draft" as const };
  }
  if (rec.status === "published") {
    if (!can(user, "manage:recommendation")) forbidden();
    return { rec, mode: "correction" as const };
  }
  if (!can(user, "update:recommendation:own")) forbidden();
  throw new RefusalError(409, m.frozen);
}

export async function loadEditPage({ id, user }: { id: number; user: SessionUser }) {
  const { rec, mode } = await editMode({ id, user });
  const [values, options] = await Promise.all([getDraftFormValues({ id }), listLinkOptions()]);
  return { id, mode, latestVersion: rec.latestVersion, values: values!, options };
}

export async function submitEdit({ id, user, form }: { id: number; user: SessionUser; form: FormData }) {
  const { mode } = await editMode({ id, user });
  if (mode === "draft") {
    const parsed = parseRecommendationForm(form);
    if (!parsed.ok) return refuse(400, parsed.errors);
    const baseVersion = Number(form.get("baseVersion"));
    return saveDraft({ actor: user, id, input: parsed.data, baseVersion });
  }
  const parsed = CorrectionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error));
  const { correctionNote, ...text } = parsed.data;
  return correctPublished({ actor: user, id, input: text, note: correctionNote });
}
