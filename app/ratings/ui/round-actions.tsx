import { Form, Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { toBerlinLocalInput } from "~/lib/dates";
import { Field, SubmitButton, IntentButtonForm } from "~/ui/form";
import { DataTable } from "~/ui/table";
import { Panel } from "~/ui/panel";

const a = t.ratings.actions;
const d = t.ratings.detail;

type Props = { roundId: number; status: string; errors?: Record<string, string>; defaultClosesAt: string };

/** Staff controls per state: set up and open a draft, close an open round, delete a draft. */
export function StaffRoundActions({ roundId, status, errors, defaultClosesAt }: Props) {
  if (status === "draft") {
    return (
      <div className="no-print space-y-6">
        <p>
          <Link to={`/bewertungsrunden/${roundId}/einrichten`} className="btn">
            {a.setup}
          </Link>
        </p>
        <Panel id="open-title" title={d.openHeading} hint={d.openHint} className="rounded border border-slate-300 p-4">
          <Form method="post" noValidate className="mt-2 flex flex-wrap items-end gap-3">
            <Field
              name="closesAt"
              type="datetime-local"
              label={t.ratings.fields.closesAt}
              errors={errors}
              defaultValue={toBerlinLocalInput(defaultClosesAt)}
              required
            />
            <SubmitButton intent="open">{a.open}</SubmitButton>
          </Form>
        </Panel>
        <Form method="post">
          <p className="text-sm text-slate-700">{d.deleteHint}</p>
          <SubmitButton intent="delete" className="btn-danger mt-1">
            {a.deleteRound}
          </SubmitButton>
        </Form>
      </div>
    );
  }
  if (status === "open") {
    return (
      <Panel id="close-title" title={d.closeHeading} hint={d.closeHint} className="no-print rounded border border-slate-300 p-4">
        <IntentButtonForm intent="close" label={a.close} className="mt-2" />
      </Panel>
    );
  }
  return null;
}

export function ResultLinks({ roundId }: { roundId: number }) {
  const base = `/bewertungsrunden/${roundId}`;
  return (
    <ul className="no-print flex flex-wrap gap-3">
      <li>
        <Link to={`${base}/ergebnisse`} className="btn">
          {a.results}
        </Link>
      </li>
      <li>
        <Link to={`${base}/sensitivitaet`} className="btn-secondary">
          {a.sensitivity}
        </Link>
      </li>
      <li>
        <Link to={`${base}/druck`} className="btn-secondary">
          {a.print}
        </Link>
      </li>
      <li>
        <a href={`${base}/ergebnisse.csv`} className="btn-secondary" download>
          {a.csvResults}
        </a>
      </li>
      <li>
        <a href={`${base}/einzelbewertungen.csv`} className="btn-secondary" download>
          {a.csvRaw}
        </a>
      </li>
    </ul>
  );
}

export function Participation({ raters }: { raters: Array<{ raterId: number; name: string; finished: boolean }> }) {
  const finished = raters.filter((r) => r.finished).length;
  return (
    <section aria-labelledby="participation-title">
      <h2 id="participation-title">{d.participation}</h2>
      <p>{d.finishedCount(finished, raters.length)}</p>
      <DataTable caption={d.participationCaption} captionClassName="sr-only" className="mt-2" columns={[d.rater, t.ratings.list.status]}>
        {raters.map((rater) => (
          <tr key={rater.raterId}>
            <th scope="row" className="font-normal">
              {rater.name}
            </th>
            <td>{rater.finished ? d.finished : d.notFinished}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
