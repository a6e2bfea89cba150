import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { CriteriaTable } from "~/ratings/ui/criteria-table";
import { FactSheet } from "~/ratings/ui/fact-sheet";
import { Participation, ResultLinks, StaffRoundActions } from "~/ratings/ui/round-actions";
import { RoundStatusBadge } from "~/ratings/ui/status-badge";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { parseForm } from "~/lib/form";
import { renderMarkdown } from "~/lib/markdown.server";
import { loadRound } from "~/ratings/access.server";
import { OpenSchema } from "~/ratings/forms.server";
import { closeRound, deleteDraftRound, openRound } from "~/ratings/rounds.server";
import { getOwnProgress, listParticipation } from "~/ratings/scores.server";
import { getRoundSetup } from "~/ratings/setup.server";
import { can } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { FormAlert } from "~/ui/form";
import { invalidForm, respondToRefusal } from "~/server/refusal-response.server";
import { followState } from "~/notifications/follows.server";
import { FollowButton } from "~/notifications/ui/follow-button";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? t.ratings.title} – Digitalbeirat` }];

const TWO_WEEKS = 14 * 24 * 60 * 60 * 1000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await loadRound(request, params);
  const canManage = can(user, "manage:round");
  const canRate = can(user, "rate:round");
  const [setup, progress, participation, follow] = await Promise.all([
    getRoundSetup({ roundId: round.id }),
    canRate && round.status !== "draft" ? getOwnProgress({ roundId: round.id, rater: user }) : null,
    canManage && round.status === "open" ? listParticipation({ roundId: round.id }) : null,
    followState(user, "round", round.id),
  ]);
  return json({
    round: { ...round, descriptionHtml: renderMarkdown(round.description) },
    follow,
    proposals: setup.proposals.map((p) => ({ ...p, summaryHtml: renderMarkdown(p.summary) })),
    criteria: setup.criteria,
    knockouts: setup.knockouts,
    weightSum: setup.weightSum,
    progress,
    participation,
    canManage,
    canRate,
    defaultClosesAt: new Date(Date.now() + TWO_WEEKS).toISOString(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await loadRound(request, params, "manage:round");
  const form = await readForm(request);
  const intent = form.get("intent");
  try {
    if (intent === "open") {
      const parsed = parseForm(OpenSchema, form);
      if (!parsed.ok) return invalidForm(parsed.errors, 422);
      await openRound({ roundId: round.id, closesAt: parsed.data.closesAt, actor: user });
      return redirect(`/bewertungsrunden/${round.id}`);
    }
    if (intent === "close") {
      await closeRound({ roundId: round.id, actor: user });
      return redirect(`/bewertungsrunden/${round.id}`);
    }
    if (intent === "delete") {
      await deleteDraftRound({ roundId: round.id, actor: user });
      return redirect("/bewertungsrunden");
    }
    return json({ ok: false as const, errors: { form: t.ratings.errors.unknownIntent } as Record<string, string> }, { status: 400 });
  } catch (error) {
    return respondToRefusal(error);
  }
}

/** A date among the round's facts, left out while it is not set. */
function DateFact({ term, value }: { term: string; value: string | null }) {
  if (!value) return null;
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd>
        <time dateTime={isoString(value)}>{formatDateTime(value)}</time>
      </dd>
    </>
  );
}

export default function RoundPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { round } = data;
  const d = t.ratings.detail;
  return (
    <article aria-labelledby="round-title">
      <p className="no-print mb-2">
        <Link to="/bewertungsrunden">{t.ratings.title}</Link>
      </p>
      <h1 id="round-title">{round.title}</h1>
      {data.follow ? (
        <div className="mb-3">
          <FollowButton type="round" id={round.id} following={data.follow.following} label={round.title} />
        </div>
      ) : null}
      <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{d.state}</dt>
        <dd>
          <RoundStatusBadge status={round.status} />
        </dd>
        {round.topicSlug ? (
          <>
            <dt className="font-semibold">{d.topic}</dt>
            <dd>
              <Link to={`/themen/${round.topicSlug}`}>{round.topicTitle}</Link>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{d.rankingMethod}</dt>
        <dd>{t.ratings.method[round.rankingMethod]}</dd>
        <DateFact term={d.closesAt} value={round.closesAt} />
        <DateFact term={d.closedAt} value={round.closedAt} />
      </dl>
      <div className="prose-md mb-4 max-w-3xl" dangerouslySetInnerHTML={{ __html: round.descriptionHtml }} />
      <FormAlert message={actionData?.errors.form} />
      {round.status === "open" ? <p className="mb-4">{d.blindNote}</p> : null}
      {data.progress && round.status === "open" ? (
        <p className="mb-4 flex flex-wrap items-center gap-4">
          <strong>{t.ratings.progress(data.progress.done, data.progress.required)}</strong>
          <Link to={`/bewertungsrunden/${round.id}/bewerten`} className="btn no-print">
            {data.progress.done > 0 ? t.ratings.actions.continueRating : t.ratings.actions.rate}
          </Link>
        </p>
      ) : null}
      {round.status === "closed" ? <ResultLinks roundId={round.id} /> : null}
      {data.canManage ? (
        <StaffRoundActions roundId={round.id} status={round.status} errors={actionData?.errors} defaultClosesAt={data.defaultClosesAt} />
      ) : null}
      {data.participation ? <Participation raters={data.participation} /> : null}
      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t.ratings.proposal.heading}</h2>
        {data.proposals.length === 0 ? <p>{t.ratings.proposal.none}</p> : null}
        <ul className="grid gap-4 md:grid-cols-2">
          {data.proposals.map((p) => (
            <li key={p.id} className="rounded border border-slate-300 p-4">
              <h3 className="mt-0">
                <Link to={`/bewertungsrunden/${round.id}/vorschlaege/${p.id}`}>{p.title}</Link>
              </h3>
              <p className="text-slate-700">{p.vendor}</p>
              {p.excludedBy.length ? <p className="font-semibold text-red-800">{t.ratings.results.excludedBecause(p.excludedBy.join(", "))}</p> : null}
              <div className="prose-md my-2" dangerouslySetInnerHTML={{ __html: p.summaryHtml }} />
              <FactSheet facts={p} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t.ratings.criterion.heading}</h2>
        <CriteriaTable criteria={data.criteria} />
        {round.status === "draft" ? <p className="mt-2">{t.ratings.criterion.sum(data.weightSum)}</p> : null}
      </section>
      {data.knockouts.length ? (
        <section aria-labelledby="knockouts-title">
          <h2 id="knockouts-title">{t.ratings.knockout.heading}</h2>
          <ul className="list-disc pl-6">
            {data.knockouts.map((k) => (
              <li key={k.id}>
                <strong>{k.title}</strong>
                {k.description ? ` – ${k.description}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.ratings.errors.roundNotFound });
