import { z } from "zod";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { refuse, type Refusal } from "~/lib/refusal";
import { can, type Actor } from "~/policy.server";
import { addCommitmentEntry, setCommitmentDueDate, setCommitmentPublic } from "./history.server";
import { linkCommitment } from "./links.server";
import { DueDateSchema, EntrySchema, LinkSchema, StatusChangeSchema } from "./schemas.server";

export const COMMITMENT_INTENTS = ["status", "update", "comment", "due", "visibility", "link"] as const;
const IntentSchema = z.object({ intent: z.enum(COMMITMENT_INTENTS) });

/** The commitment page's forms: one intent each; refusals carry the intent so the page shows them at the right form. */
export async function handleCommitmentIntent({
  actor,
  id,
  form,
}: {
  actor: Actor;
  id: number;
  form: FormData;
}): Promise<({ ok: true } | Refusal) & { intent: string }> {
  const parsed = parseForm(IntentSchema, form);
  if (!parsed.ok) return { ...refuse(400, t.commitments.errors.badRequest), intent: "" };
  const intent = parsed.data.intent;
  const done = (result: { ok: true } | Refusal) => ({ ...result, intent });
  if (!can(actor, "read:commitment:internal")) return done(refuse(403, t.commitments.errors.badRequest));
  switch (intent) {
    case "status": {
      const input = parseForm(StatusChangeSchema, form);
      if (!input.ok) return done(refuse(422, input.errors));
      return done(await addCommitmentEntry({ actor, commitmentId: id, kind: "status", ...input.data }));
    }
    case "update":
    case "comment": {
      const input = parseForm(EntrySchema, form);
      if (!input.ok) return done(refuse(422, input.errors));
      return done(
        await addCommitmentEntry({ actor, commitmentId: id, kind: intent, note: input.data.note, source: intent === "update" ? input.data.source : "" }),
      );
    }
    case "due": {
      const input = parseForm(DueDateSchema, form);
      if (!input.ok) return done(refuse(422, input.errors));
      return done(await setCommitmentDueDate({ actor, commitmentId: id, dueDate: input.data.dueDate }));
    }
    case "visibility":
      return done(await setCommitmentPublic({ actor, commitmentId: id, isPublic: form.get("isPublic") === "true" }));
    case "link": {
      const input = parseForm(LinkSchema, form);
      if (!input.ok) return done(refuse(422, input.errors));
      return done(
        await linkCommitment({ actor, commitmentId: id, recommendationId: input.data.recommendationId ?? null, topicId: input.data.topicId ?? null }),
      );
    }
  }
}
