import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { ProposalFields } from "~/ratings/ui/proposal-fields";
import { t } from "~/i18n/de";
import { Field, TextareaField, SubmitButton, IntentButtonForm } from "~/ui/form";
import { DataTable } from "~/ui/table";

type Errors = Record<string, string> | undefined;
type Proposal = { id: number; title: string; vendor: string; excludedBy: string[] };
type Criterion = { id: number; title: string; weight: number; scaleDescription: string };
type Knockout = { id: number; title: string; description: string };
type Check = { proposalId: number; knockoutId: number; passed: boolean };

const p = t.ratings.proposal;
const c = t.ratings.criterion;
const k = t.ratings.knockout;

/** The boxed form under a list that adds one more to it. */
function AddForm({ intent, label, children }: { intent: string; label: string; children: ReactNode }) {
  return (
    <Form method="post" noValidate className="space-y-3 rounded border border-slate-300 p-4">
      <h3 className="mt-0">{label}</h3>
      {children}
      <SubmitButton intent={intent}>{label}</SubmitButton>
    </Form>
  );
}

export function ProposalsSection({ roundId, proposals, errors }: { roundId: number; proposals: Proposal[]; errors: Errors }) {
  return (
    <section aria-labelledby="setup-proposals">
      <h2 id="setup-proposals">{p.heading}</h2>
      {proposals.length === 0 ? <p>{p.none}</p> : null}
      <ul className="mb-4 space-y-2">
        {proposals.map((proposal) => (
          <li key={proposal.id} className="flex flex-wrap items-center gap-3">
            <Link to={`/bewertungsrunden/${roundId}/vorschlaege/${proposal.id}`}>{proposal.title}</Link>
            <span className="text-slate-700">({proposal.vendor})</span>
            <IntentButtonForm
              intent="delete-proposal"
              label={p.delete}
              buttonClassName="btn-secondary py-1 text-sm"
              ariaLabel={`${p.delete}: ${proposal.title}`}
            >
              <input type="hidden" name="itemId" value={proposal.id} />
            </IntentButtonForm>
          </li>
        ))}
      </ul>
      <AddForm intent="add-proposal" label={p.add}>
        <ProposalFields errors={errors} />
      </AddForm>
    </section>
  );
}

export function CriteriaSection({ criteria, weightSum, errors }: { criteria: Criterion[]; weightSum: number; errors: Errors }) {
  return (
    <section aria-labelledby="setup-criteria">
      <h2 id="setup-criteria">{c.heading}</h2>
      {criteria.length === 0 ? (
        <p>{c.none}</p>
      ) : (
        <Form method="post" noValidate className="mb-4">
          <DataTable
            caption={c.caption}
            captionClassName="sr-only"
            className="w-full"
            columns={[
              c.title,
              c.weight,
              c.scale,
              <>
                <span className="sr-only">{c.delete}</span>
              </>,
            ]}
          >
            {criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row" className="font-normal">
                  {criterion.title}
                </th>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    step={1}
                    name={`weight-${criterion.id}`}
                    defaultValue={criterion.weight}
                    className="w-20"
                    aria-label={`${c.weight}: ${criterion.title}`}
                    aria-invalid={errors?.[`weight-${criterion.id}`] ? true : undefined}
                  />
                  {errors?.[`weight-${criterion.id}`] ? <p className="field-error">{errors[`weight-${criterion.id}`]}</p> : null}
                </td>
                <td className="whitespace-pre-line text-sm">{criterion.scaleDescription}</td>
                <td>
                  <button
                    type="submit"
                    name="intent"
                    value={`delete-criterion:${criterion.id}`}
                    className="btn-secondary py-1 text-sm"
                    aria-label={`${c.delete}: ${criterion.title}`}
                  >
                    {c.delete}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
          <p className={`mt-2 font-semibold ${weightSum === 100 ? "text-green-800" : "text-red-800"}`}>{c.sum(weightSum)}</p>
          <p className="text-sm text-slate-700">{c.sumHint}</p>
          <SubmitButton intent="save-weights" className="btn mt-2">
            {c.saveWeights}
          </SubmitButton>
        </Form>
      )}
      <AddForm intent="add-criterion" label={c.add}>
        <div className="grid gap-3 md:grid-cols-[2fr_1fr]">
          <Field idPrefix="criterion-" name="title" label={c.title} errors={errors} required maxLength={120} />
          <Field idPrefix="criterion-" name="weight" type="number" min={0} max={100} step={1} label={c.weight} errors={errors} required />
        </div>
        <TextareaField idPrefix="criterion-" name="scaleDescription" label={c.scale} errors={errors} rows={3} />
      </AddForm>
    </section>
  );
}

export function KnockoutSection({ proposals, knockouts, checks, errors }: { proposals: Proposal[]; knockouts: Knockout[]; checks: Check[]; errors: Errors }) {
  const current = (proposalId: number, knockoutId: number) => {
    const check = checks.find((x) => x.proposalId === proposalId && x.knockoutId === knockoutId);
    return check ? (check.passed ? "ja" : "nein") : "";
  };
  return (
    <section aria-labelledby="setup-knockouts">
      <h2 id="setup-knockouts">{k.heading}</h2>
      <p className="text-slate-700">{k.intro}</p>
      {knockouts.length === 0 ? (
        <p>{k.none}</p>
      ) : (
        <Form method="post" className="my-4 overflow-x-auto">
          <DataTable
            caption={k.checksCaption}
            columns={[
              p.title,
              ...knockouts.map((ko) => (
                <>
                  {ko.title}{" "}
                  <button type="submit" name="intent" value={`delete-knockout:${ko.id}`} className="text-sm underline" aria-label={`${k.delete}: ${ko.title}`}>
                    ✕
                  </button>
                </>
              )),
            ]}
          >
            {proposals.map((proposal) => (
              <tr key={proposal.id}>
                <th scope="row" className="font-normal">
                  {proposal.title}
                </th>
                {knockouts.map((ko) => (
                  <td key={ko.id}>
                    <select name={`check-${proposal.id}-${ko.id}`} defaultValue={current(proposal.id, ko.id)} aria-label={`${ko.title}: ${proposal.title}`}>
                      <option value="">{k.unchecked}</option>
                      <option value="ja">{k.passed}</option>
                      <option value="nein">{k.failed}</option>
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
          <SubmitButton intent="save-checks" className="btn mt-2">
            {k.saveChecks}
          </SubmitButton>
        </Form>
      )}
      <AddForm intent="add-knockout" label={k.add}>
        <Field idPrefix="knockout-" name="title" label={k.title} errors={errors} required maxLength={120} />
        <TextareaField idPrefix="knockout-" name="description" label={k.description} errors={errors} rows={2} />
      </AddForm>
    </section>
  );
}
