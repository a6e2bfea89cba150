import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { ZodTypeAny, z } from "zod";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { RoundFields } from "~/ratings/ui/round-fields";
import { CriteriaSection, KnockoutSection, ProposalsSection } from "~/ratings/ui/setup-sections";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { loadRound } from "~/ratings/access.server";
import { RefusalError } from "~/lib/refusal";
import { CriterionSchema, ItemSchema, KnockoutSchema, parseKnockoutChecks, parseWeights, ProposalSchema, RoundSchema } from "~/ratings/forms.server";
import { listTopicOptions, updateRound } from "~/ratings/rounds.server";
import {
  addCriterion,
  addKnockout,
  addProposal,
  deleteCriterion,
  deleteKnockout,
  deleteProposal,
  getRoundSetup,
  saveKnockoutChecks,
  saveWeights,
} from "~/ratings/setup.server";
import { readForm } from "~/lib/fields";
import { FormAlert, SubmitButton } from "~/ui/form";
import { invalidForm, respondToRefusal } from "~/server/refusal-response.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t.ratings.actions.setup}: ${data?.round.title ?? ""} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await loadRound(request, params, "manage:round");
  if (round.status !== "draft") throw redirect(`/bewertungsrunden/${round.id}`);
  const [setup, topics] = await Promise.all([getRoundSetup({ roundId: round.id }), listTopicOptions()]);
  return json({ round, setup, topics });
}

type Context = { roundId: number; actor: { id: number; role: "admin" | "staff" | "expert" | "council" } };
/** A handler returns a 4xx response for invalid input, or null when the change was made. */
type Handler = (form: FormData, ctx: Context) => Promise<Response | null>;

/** The handler of a form checked by one schema: 400 with the field errors, else the change. */
function parsedWith<S extends ZodTypeAny>(schema: S, change: (input: z.infer<S>, ctx: Context) => Promise<unknown>): Handler {
  return async (form, ctx) => {
    const parsed = parseForm(schema, form);
    if (!parsed.ok) return invalidForm(parsed.errors);
    await change(parsed.data, ctx);
    return null;
  };
}

const HANDLERS: Record<string, Handler> = {
  "update-round": parsedWith(RoundSchema, (input, { roundId, actor }) => updateRound({ roundId, input, actor })),
  "add-proposal": parsedWith(ProposalSchema, (input, { roundId, actor }) => addProposal({ roundId, input, actor })),
  "delete-proposal": parsedWith(ItemSchema, ({ itemId }, { roundId, actor }) => deleteProposal({ roundId, proposalId: itemId, actor })),
  "add-criterion": parsedWith(CriterionSchema, (input, { roundId, actor }) => addCriterion({ roundId, input, actor })),
  "add-knockout": parsedWith(KnockoutSchema, (input, { roundId, actor }) => addKnockout({ roundId, input, actor })),
  "save-weights": async (form, { roundId, actor }) => {
    const { criteria } = await getRoundSetup({ roundId });
    const parsed = parseWeights(
      form,
      criteria.map((c) => c.id),
    );
    if (!parsed.ok) return invalidForm(parsed.errors, 422);
    await saveWeights({ roundId, weights: parsed.weights, actor });
    return null;
  },
  "save-checks": async (form, { roundId, actor }) => {
    await saveKnockoutChecks({ roundId, checks: parseKnockoutChecks(form), actor });
    return null;
  },
};

/** Buttons inside the weights and checks tables carry their item in the intent ("delete-criterion:5"). */
async function handleItemIntent(intent: string, ctx: Context) {
  const match = /^(delete-criterion|delete-knockout):(\d{1,9})$/.exec(intent);
  if (!match) throw new RefusalError(400, t.ratings.errors.unknownIntent);
  const id = Number(match[2]);
  if (match[1] === "delete-criterion") await deleteCriterion({ roundId: ctx.roundId, criterionId: id, actor: ctx.actor });
  else await deleteKnockout({ roundId: ctx.roundId, knockoutId: id, actor: ctx.actor });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await loadRound(request, params, "manage:round");
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = { roundId: round.id, actor: user };
  try {
    const handler = HANDLERS[intent];
    const failed = handler ? await handler(form, ctx) : await handleItemIntent(intent, ctx).then(() => null);
    if (failed) return json({ intent, ...(await failed.json()) }, { status: failed.status });
    return redirect(`/bewertungsrunden/${round.id}/einrichten`);
  } catch (error) {
    const response = respondToRefusal(error);
    return json({ intent, ...(await response.json()) }, { status: response.status });
  }
}

export default function RoundSetupPage() {
  const { round, setup, topics } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errorsFor = (intent: string) => (data?.intent === intent ? (data.errors as Record<string, string>) : undefined);
  return (
    <article aria-labelledby="setup-title">
      <p className="no-print mb-2">
        <Link to={`/bewertungsrunden/${round.id}`}>{t.ratings.actions.back}</Link>
      </p>
      <h1 id="setup-title">
        {t.ratings.actions.setup}: {round.title}
      </h1>
      <FormAlert message={data?.errors.form} />
      <section aria-labelledby="setup-round">
        <h2 id="setup-round">
          {t.ratings.fields.title}, {t.ratings.detail.topic}, {t.ratings.detail.rankingMethod}
        </h2>
        <Form method="post" noValidate className="max-w-3xl space-y-4">
          <RoundFields prefix="round-" round={round} topics={topics} errors={errorsFor("update-round")} />
          <SubmitButton intent="update-round">{t.ratings.actions.saveRound}</SubmitButton>
        </Form>
      </section>
      <ProposalsSection roundId={round.id} proposals={setup.proposals} errors={errorsFor("add-proposal")} />
      <CriteriaSection criteria={setup.criteria} weightSum={setup.weightSum} errors={errorsFor("add-criterion") ?? errorsFor("save-weights")} />
      <KnockoutSection proposals={setup.proposals} knockouts={setup.knockouts} checks={setup.checks} errors={errorsFor("add-knockout")} />
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.ratings.errors.roundNotFound });
