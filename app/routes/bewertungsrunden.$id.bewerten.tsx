import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { RecusalForm, ScoreForm } from "~/ratings/ui/score-form";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { renderMarkdown } from "~/lib/markdown.server";
import { loadRound } from "~/ratings/access.server";
import { RefusalError } from "~/lib/refusal";
import { parseScores, RecusalSchema } from "~/ratings/forms.server";
import { declareRecusal, getOwnProgress, getOwnScores, saveScores } from "~/ratings/scores.server";
import { getRoundSetup } from "~/ratings/setup.server";
import { parseId, readForm } from "~/lib/fields";
import { FormAlert } from "~/ui/form";
import { invalidFormData } from "~/server/refusal-response.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t.ratings.scoring.title(data?.round.title ?? "")} – Digitalbeirat` }];

async function loadOpenRound(request: Request, params: Parameters<typeof loadRound>[1]) {
  const loaded = await loadRound(request, params, "rate:round");
  if (loaded.round.status !== "open") throw new Response(t.ratings.errors.round_not_open, { status: 409 });
  return loaded;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await loadOpenRound(request, params);
  const url = new URL(request.url);
  const [setup, own, progress] = await Promise.all([
    getRoundSetup({ roundId: round.id }),
    getOwnScores({ roundId: round.id, rater: user }),
    getOwnProgress({ roundId: round.id, rater: user }),
  ]);
  const proposals = setup.proposals.map((p) => ({
    id: p.id,
    title: p.title,
    vendor: p.vendor,
    excluded: p.excludedBy.length > 0,
    recusal: own.recusals.find((r) => r.proposalId === p.id)?.reason ?? null,
    scored: own.scores.filter((s) => s.proposalId === p.id).length,
  }));
  const open = proposals.filter((p) => !p.excluded);
  const wanted = parseId(url.searchParams.get("vorschlag"));
  const selected = open.find((p) => p.id === wanted) ?? open.find((p) => !p.recusal && p.scored < setup.criteria.length) ?? open[0] ?? null;
  const selectedProposal = selected ? setup.proposals.find((p) => p.id === selected.id)! : null;
  return json({
    round: { id: round.id, title: round.title, closesAt: round.closesAt },
    proposals,
    criteria: setup.criteria,
    selected: selected && selectedProposal ? { ...selected, summaryHtml: renderMarkdown(selectedProposal.summary) } : null,
    saved: selected ? own.scores.filter((s) => s.proposalId === selected.id) : [],
    progress,
    notice: url.searchParams.has("gespeichert") ? t.ratings.scoring.saved : url.searchParams.has("befangen") ? t.ratings.scoring.recused : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await loadOpenRound(request, params);
  const form = await readForm(request);
  const intent = form.get("intent");
  const submitted = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  try {
    const proposalId = requireProposalId(form.get("proposalId"));
    const back = `/bewertungsrunden/${round.id}/bewerten?vorschlag=${proposalId}`;
    if (intent === "save") {
      const { criteria } = await getRoundSetup({ roundId: round.id });
      const parsed = parseScores(
        form,
        criteria.map((c) => c.id),
      );
      if (!parsed.ok) return json({ intent, submitted, ...invalidFormData(parsed.errors) }, { status: 422 });
      await saveScores({ roundId: round.id, proposalId, rater: user, entries: parsed.entries });
      return redirect(`${back}&gespeichert=1`);
    }
    if (intent === "recuse") {
      const parsed = parseForm(RecusalSchema, form);
      if (!parsed.ok) return json({ intent, submitted, ...invalidFormData(parsed.errors) }, { status: 422 });
      await declareRecusal({ roundId: round.id, proposalId, rater: user, reason: parsed.data.reason });
      return redirect(`${back}&befangen=1`);
    }
    throw new RefusalError(400, t.ratings.errors.unknownIntent);
  } catch (error) {
    if (!(error instanceof RefusalError)) throw error;
    return json({ intent, submitted, ok: false as const, errors: error.refusal.errors }, { status: error.status });
  }
}

function requireProposalId(value: FormDataEntryValue | null) {
  const id = parseId(value);
  if (id === null) throw new RefusalError(404, t.ratings.errors.proposalNotFound);
  return id;
}

export default function ScoringPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const s = t.ratings.scoring;
  const { selected } = data;
  const errors = actionData?.errors as Record<string, string> | undefined;
  return (
    <article aria-labelledby="scoring-title">
      <p className="no-print mb-2">
        <Link to={`/bewertungsrunden/${data.round.id}`}>{t.ratings.actions.back}</Link>
      </p>
      <h1 id="scoring-title">{s.title(data.round.title)}</h1>
      <p className="mb-2 text-lg font-semibold" id="progress">
        {t.ratings.progress(data.progress.done, data.progress.required)}
      </p>
      <p className="mb-4 text-slate-700">{t.ratings.detail.blindNote}</p>
      <FormAlert tone="success" message={data.notice} />
      <FormAlert message={errors?.form} />
      <nav aria-label={s.proposalNav} className="no-print mb-6">
        <ul className="flex flex-wrap gap-2">
          {data.proposals.map((p) => (
            <li key={p.id}>
              {p.excluded ? (
                <span className="inline-block rounded border border-slate-300 px-3 py-1 text-slate-700">
                  {p.title} ({t.ratings.proposal.excluded})
                </span>
              ) : (
                <Link
                  to={`?vorschlag=${p.id}`}
                  aria-current={selected?.id === p.id ? "page" : undefined}
                  className={`inline-block rounded border px-3 py-1 no-underline ${selected?.id === p.id ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-400"}`}
                >
                  {p.title} – {p.recusal ? s.proposalRecused : p.scored >= data.criteria.length ? s.proposalDone : `${p.scored}/${data.criteria.length}`}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {selected ? (
        <section aria-labelledby="proposal-heading">
          <h2 id="proposal-heading">
            {selected.title} <span className="font-normal text-slate-700">({selected.vendor})</span>
          </h2>
          <div className="prose-md mb-4 max-w-3xl" dangerouslySetInnerHTML={{ __html: selected.summaryHtml }} />
          <p className="mb-4">
            <Link to={`/bewertungsrunden/${data.round.id}/vorschlaege/${selected.id}`}>{t.ratings.proposal.factSheet}</Link>
          </p>
          {selected.recusal ? (
            <p className="rounded border border-amber-700 bg-amber-50 p-3">{s.recusedNote(selected.recusal)}</p>
          ) : (
            <>
              <ScoreForm
                proposalId={selected.id}
                criteria={data.criteria}
                saved={data.saved}
                submitted={actionData?.intent === "save" ? actionData.submitted : undefined}
                errors={actionData?.intent === "save" ? errors : undefined}
              />
              <RecusalForm proposalId={selected.id} errors={actionData?.intent === "recuse" ? errors : undefined} />
            </>
          )}
        </section>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: t.ratings.scoring.notRater, 404: t.ratings.errors.roundNotFound });
