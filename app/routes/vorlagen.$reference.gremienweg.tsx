import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { ConsultationForm } from "~/papers/ui/consultation-form";
import { GremienwegTable } from "~/papers/ui/gremienweg-table";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { addConsultation, moveConsultation, removeConsultation, updateConsultation } from "~/papers/consultations.server";
import { ConsultationSchema } from "~/papers/schemas.server";
import { paperPath } from "~/papers/paper-path";
import { findPaperBySlug, listConsultations, listOrganizations } from "~/papers/papers.server";
import { notFound, requirePermission } from "~/policy.server";
import { orderedListIntents, readForm } from "~/lib/fields";
import { rowRefusalResponse } from "~/server/refusal-response.server";
import { FormAlert, SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: `${t.papers.editGremienweg} – Digitalbeirat` }];

const IntentSchema = orderedListIntents("consultationId");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:paper");
  const paper = (await findPaperBySlug({ viewer: user, slug: params.reference })) ?? notFound(t.papers.errors.notFound);
  const [steps, organizations] = await Promise.all([listConsultations({ paperId: paper.id }), listOrganizations()]);
  return json({ paper, steps, organizations });
}

type Outcome = { ok: true } | { ok: false; status: number; errors: Record<string, string> };

async function runIntent(actorId: number, paperId: number, form: FormData): Promise<Outcome> {
  const intent = parseForm(IntentSchema, form);
  if (!intent.ok) return { ok: false, status: 400, errors: { form: t.meetings.errors.badRequest } };
  const data = intent.data;
  if (data.intent === "remove") return removeConsultation({ actorId, paperId, consultationId: data.consultationId });
  if (data.intent === "up" || data.intent === "down") {
    return moveConsultation({ actorId, paperId, consultationId: data.consultationId, direction: data.intent });
  }
  const parsed = parseForm(ConsultationSchema, form);
  if (!parsed.ok) return { ok: false, status: 422, errors: parsed.errors };
  if (data.intent === "add") return addConsultation({ actorId, paperId, input: parsed.data });
  return updateConsultation({ actorId, paperId, consultationId: data.consultationId, input: parsed.data });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:paper");
  const paper = (await findPaperBySlug({ viewer: user, slug: params.reference })) ?? notFound(t.papers.errors.notFound);
  const form = await readForm(request);
  const result = await runIntent(user.id, paper.id, form);
  if (!result.ok) return rowRefusalResponse(result, form, { rowField: "consultationId", notFoundMessage: t.papers.errors.stepNotFound });
  return redirect(`${paperPath(paper.reference)}/gremienweg`);
}

export default function GremienwegPage() {
  const { paper, steps, organizations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const c = t.papers.consultation;
  const errorsFor = (intent: string, id?: number) =>
    data && data.intent === intent && (id === undefined || data.consultationId === String(id)) ? data.errors : {};
  return (
    <section aria-labelledby="gremienweg-edit-title">
      <h1 id="gremienweg-edit-title">
        {t.papers.editGremienweg}: {paper.reference}
      </h1>
      <p>
        <Link to={paperPath(paper.reference)}>{paper.name}</Link>
      </p>
      <GremienwegTable steps={steps} />
      {data && ["remove", "up", "down"].includes(data.intent) ? <FormAlert message={data.errors.form} /> : null}
      <h2>{c.steps}</h2>
      {steps.map((step, index) => (
        <div key={step.id} className="mb-6 rounded border border-slate-300 p-3">
          <h3 className="mt-0">
            {index + 1}. {step.organizationName}
          </h3>
          <ConsultationForm step={step} organizations={organizations} errors={errorsFor("update", step.id)} />
          <Form method="post" className="mt-2 flex flex-wrap gap-2">
            <input type="hidden" name="consultationId" value={step.id} />
            <button
              type="submit"
              name="intent"
              value="up"
              className="btn-secondary"
              disabled={index === 0}
              aria-label={`${step.organizationName}: ${c.moveUp}`}
            >
              {c.moveUp}
            </button>
            <button
              type="submit"
              name="intent"
              value="down"
              className="btn-secondary"
              disabled={index === steps.length - 1}
              aria-label={`${step.organizationName}: ${c.moveDown}`}
            >
              {c.moveDown}
            </button>
            <SubmitButton intent="remove" className="btn-danger">
              {c.remove}
            </SubmitButton>
          </Form>
        </div>
      ))}
      <h2>{c.newStep}</h2>
      <ConsultationForm organizations={organizations} errors={errorsFor("add")} />
    </section>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.papers.errors.notFound });
