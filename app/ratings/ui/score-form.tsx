import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { SubmitButton, TextareaField } from "~/ui/form";
import { Panel } from "~/ui/panel";

type Criterion = { id: number; title: string; weight: number; scaleDescription: string };
type Saved = { criterionId: number; score: number; reason: string };

const s = t.ratings.scoring;
const POINTS = Array.from({ length: 11 }, (_, i) => String(i));

/**
 * One proposal's scores. Values come from what was submitted (after an error) or from what was
 * saved before, so nothing typed is lost when the server refuses a field.
 */
export function ScoreForm({
  proposalId,
  criteria,
  saved,
  submitted,
  errors,
}: {
  proposalId: number;
  criteria: Criterion[];
  saved: Saved[];
  submitted?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const value = (field: "score" | "reason", criterionId: number) => {
    if (submitted) return submitted[`${field}-${criterionId}`] ?? "";
    const row = saved.find((x) => x.criterionId === criterionId);
    return row ? String(field === "score" ? row.score : row.reason) : "";
  };
  return (
    <Form method="post" noValidate className="space-y-4" key={JSON.stringify(submitted ?? saved)}>
      <input type="hidden" name="proposalId" value={proposalId} />
      <p className="text-sm text-slate-700">{s.emptyKeeps}</p>
      {criteria.map((criterion) => {
        const scoreError = errors?.[`score-${criterion.id}`];
        const reasonError = errors?.[`reason-${criterion.id}`];
        return (
          <fieldset key={criterion.id} className="rounded border border-slate-300 p-3">
            <legend className="px-1 font-semibold">
              {criterion.title} ({criterion.weight} %)
            </legend>
            {criterion.scaleDescription ? (
              <p id={`scale-${criterion.id}`} className="whitespace-pre-line text-sm text-slate-700">
                {criterion.scaleDescription}
              </p>
            ) : null}
            <div className="mt-2 grid gap-3 md:grid-cols-[15rem_1fr]">
              <div className="flex flex-col">
                <label htmlFor={`score-${criterion.id}`}>{s.scaleLabel}</label>
                <select
                  id={`score-${criterion.id}`}
                  name={`score-${criterion.id}`}
                  defaultValue={value("score", criterion.id)}
                  aria-invalid={scoreError ? true : undefined}
                  aria-describedby={
                    [criterion.scaleDescription ? `scale-${criterion.id}` : "", scoreError ? `score-${criterion.id}-error` : ""].filter(Boolean).join(" ") ||
                    undefined
                  }
                >
                  <option value="">{s.notScored}</option>
                  {POINTS.map((point) => (
                    <option key={point} value={point}>
                      {point}
                    </option>
                  ))}
                </select>
                {scoreError ? (
                  <p id={`score-${criterion.id}-error`} className="field-error">
                    {scoreError}
                  </p>
                ) : null}
              </div>
              <div className="flex flex-col">
                <label htmlFor={`reason-${criterion.id}`}>{s.reason}</label>
                <p id={`reason-${criterion.id}-hint`} className="text-sm text-slate-700">
                  {s.reasonHint}
                </p>
                <textarea
                  id={`reason-${criterion.id}`}
                  name={`reason-${criterion.id}`}
                  rows={2}
                  defaultValue={value("reason", criterion.id)}
                  aria-invalid={reasonError ? true : undefined}
                  aria-describedby={`reason-${criterion.id}-hint${reasonError ? ` reason-${criterion.id}-error` : ""}`}
                />
                {reasonError ? (
                  <p id={`reason-${criterion.id}-error`} className="field-error">
                    {reasonError}
                  </p>
                ) : null}
              </div>
            </div>
          </fieldset>
        );
      })}
      <SubmitButton intent="save">{s.save}</SubmitButton>
    </Form>
  );
}

export function RecusalForm({ proposalId, errors }: { proposalId: number; errors?: Record<string, string> }) {
  const error = errors?.reason;
  return (
    <Panel
      id="recuse-title"
      title={s.recuseHeading}
      level={3}
      hint={s.recuseHint}
      hintClassName="text-sm text-slate-800"
      className="mt-8 rounded border border-amber-700 bg-amber-50 p-4"
    >
      <Form method="post" noValidate className="mt-2 space-y-2">
        <input type="hidden" name="proposalId" value={proposalId} />
        <TextareaField name="reason" idPrefix="recusal-" label={s.recuseReason} rows={2} required error={error} />
        <SubmitButton intent="recuse" className="btn-danger">
          {s.recuseSubmit}
        </SubmitButton>
      </Form>
    </Panel>
  );
}
