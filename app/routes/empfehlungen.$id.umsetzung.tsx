import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { OutcomeForm } from "~/commitments/ui/outcome-form";
import { RecommendationTimeline } from "~/commitments/ui/timeline";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { readForm, routeId } from "~/lib/fields";
import { redirectAfterChange } from "~/lib/redirect.server";
import { setRecommendationOutcome } from "~/commitments/outcomes.server";
import { OutcomeSchema } from "~/commitments/schemas.server";
import { loadTimelines } from "~/commitments/timeline.server";
import { getVisibleRecommendation } from "~/recommendations/recommendations.server";
import { can, forbidden, notFound, requirePermission } from "~/policy.server";

const tl = t.commitments.timeline;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${tl.manage}: ${data?.rec.title ?? ""} – Digitalbeirat` }];

/** The board's follow-up page of one recommendation: its timeline, its commitments, the outcome form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:commitment:internal");
  const id = routeId(params.id, t.recommendations.notFound);
  const rec = (await getVisibleRecommendation({ id, reader: user })) ?? notFound(t.recommendations.notFound);
  const timeline = (await loadTimelines({ recommendationIds: [id], reader: user })).get(id)!;
  return json({
    rec: { id: rec.id, reference: rec.reference, title: rec.title, status: rec.status },
    timeline,
    canSetOutcome: can(user, "set:recommendation-outcome") && rec.status === "published",
    canRecord: can(user, "record:commitment"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "set:recommendation-outcome");
  const id = routeId(params.id, t.recommendations.notFound);
  const form = await readForm(request);
  if (form.get("intent") !== "outcome") return json({ errors: { form: t.commitments.errors.badRequest } }, { status: 400 });
  const parsed = parseForm(OutcomeSchema, form);
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 422 });
  const result = await setRecommendationOutcome({ actor: user, recommendationId: id, ...parsed.data });
  if (!result.ok) {
    if (result.status === 404) notFound(t.recommendations.notFound);
    if (result.status === 403) forbidden();
    return json({ errors: result.errors }, { status: result.status });
  }
  return redirectAfterChange(`/empfehlungen/${id}#umsetzung`);
}

export default function RecommendationFollowUpPage() {
  const { rec, timeline, canSetOutcome, canRecord } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <article aria-labelledby="follow-up-title" className="space-y-6">
      <p className="no-print text-sm">
        <a href={`/empfehlungen/${rec.id}`}>{rec.reference ? `${rec.reference}: ${rec.title}` : rec.title}</a>
      </p>
      <h1 id="follow-up-title">
        {tl.manage}: {rec.reference ?? rec.title}
      </h1>
      <section aria-labelledby="follow-up-timeline-title">
        <h2 id="follow-up-timeline-title">{tl.heading}</h2>
        <RecommendationTimeline timeline={timeline} />
      </section>
      {canRecord ? (
        <p className="no-print">
          <a href={`/zusagen/neu?empfehlung=${rec.id}`} className="btn">
            {t.commitments.create}
          </a>
        </p>
      ) : null}
      {canSetOutcome ? <OutcomeForm current={timeline.outcome} errors={data?.errors ?? {}} /> : null}
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.recommendations.notFound });
