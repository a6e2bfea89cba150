import { z } from "zod";
import { TOPIC_LIMITS, VOTE_CHOICES } from "#db/schema";
import { t } from "~/i18n/de";
import { parseBerlinLocal } from "~/lib/dates";
import { fieldErrors } from "~/lib/form";
import { addComment } from "~/recommendations/discussion.server";
import { markdownBody } from "~/topics/schemas.server";
import { addCoauthor } from "~/recommendations/drafting.server";
import { makePublic, publishRecommendation } from "~/recommendations/publication.server";
import { castVote, closeVote, startVote } from "~/recommendations/voting.server";
import { getVisibleRecommendation } from "~/recommendations/recommendations.server";
import { idField, optionalIdField } from "~/lib/fields";
import { type Actor } from "~/policy.server";

const m = t.recommendations.errors;

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("vote"),
    choice: z.enum(VOTE_CHOICES, { errorMap: () => ({ message: m.choiceRequired }) }),
    conflictReason: z.string().trim().max(500).optional(),
  }),
  z.object({
    intent: z.literal("start-vote"),
    deadline: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        const date = parseBerlinLocal(value);
        if (!date) ctx.addIssue({ code: "custom", message: m.deadlineInvalid });
        return date;
      }),
    meetingId: optionalIdField()
      .optional()
      .transform((v) => (v ? v : null)),
  }),
  z.object({ intent: z.literal("close-vote") }),
  z.object({ intent: z.literal("publish"), public: z.literal("on").optional() }),
  z.object({ intent: z.literal("make-public") }),
  z.object({ intent: z.literal("add-coauthor"), coauthor: idField(m.coauthorInvalid) }),
  z.object({ intent: z.literal("comment"), comment: markdownBody(TOPIC_LIMITS.commentMax, m.commentRequired) }),
]);

type IntentResult = { ok: true; anchor?: string } | { ok: false; status: number; errors: Record<string, string>; intent: string };

/** The detail page's form posts, by `intent`: parse, then hand to the model that owns the rule. */
export async function handleRecommendationIntent({ actor, id, form }: { actor: Actor; id: number; form: FormData }): Promise<IntentResult> {
  const intent = String(form.get("intent") ?? "");
  // What the reader may not see does not exist for them: 404, as for the page itself.
  if (!(await getVisibleRecommendation({ id, reader: actor }))) return { ok: false, status: 404, errors: { form: t.recommendations.notFound }, intent };
  const parsed = IntentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const known = IntentSchema.options.some((option) => option.shape.intent.value === intent);
    return { ok: false, status: 400, errors: known ? fieldErrors(parsed.error) : { form: m.unknownIntent }, intent };
  }
  const input = parsed.data;
  const result = await run(actor, id, input);
  if (!result.ok) return { ...result, intent };
  return { ok: true, anchor: input.intent === "comment" ? "kommentare" : undefined };
}

function run(actor: Actor, id: number, input: z.infer<typeof IntentSchema>) {
  switch (input.intent) {
    case "vote":
      return castVote({ actor, id, choice: input.choice, conflictReason: input.conflictReason });
    case "start-vote":
      return startVote({ actor, id, deadline: input.deadline, meetingId: input.meetingId });
    case "close-vote":
      return closeVote({ actor, id });
    case "publish":
      return publishRecommendation({ actor, id, isPublic: input.public === "on" });
    case "make-public":
      return makePublic({ actor, id });
    case "add-coauthor":
      return addCoauthor({ actor, id, userId: input.coauthor });
    case "comment":
      return addComment({ actor, id, body: input.comment });
  }
}
