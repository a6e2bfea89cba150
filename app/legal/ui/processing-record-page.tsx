import type { ProcessingRecord } from "~/legal/processing-record.server";
import { t } from "~/i18n/de";
import { PrintButton } from "~/ui/print-button";

function Bullets({ items }: { items: string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function ProcessingRecordPage({ record }: { record: ProcessingRecord }) {
  const text = t.processingRecord;
  const h = text.headings;
  return (
    <article aria-labelledby="record-title" className="max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 id="record-title">{text.title}</h1>
        <p>{text.subtitle(record.boardName)}</p>
        <p>{text.generated(record.generatedAt)}</p>
        <div className="no-print flex flex-wrap gap-3 pt-2">
          <a href="/admin/verarbeitungsverzeichnis.md" className="btn-secondary" download>
            {text.download}
          </a>
          <PrintButton />
        </div>
      </header>
      <section aria-labelledby="record-controller">
        <h2 id="record-controller">{h.controller}</h2>
        <p>{record.controller}</p>
        <h3>{h.dpo}</h3>
        <p>{record.dataProtectionOfficer}</p>
      </section>
      <section aria-labelledby="record-activities" className="space-y-4">
        <h2 id="record-activities">{h.activities}</h2>
        {record.activities.map((activity, index) => (
          <section key={activity.name} aria-labelledby={`record-activity-${index}`} className="break-inside-avoid">
            <h3 id={`record-activity-${index}`}>{`${index + 1}. ${activity.name}`}</h3>
            <dl className="space-y-2">
              <dt className="font-semibold">{h.purpose}</dt>
              <dd>{activity.purpose}</dd>
              <dt className="font-semibold">{h.legalBasis}</dt>
              <dd>{activity.legalBasis}</dd>
              <dt className="font-semibold">{h.subjects}</dt>
              <dd>
                <Bullets items={activity.subjects} />
              </dd>
              <dt className="font-semibold">{h.data}</dt>
              <dd>
                <Bullets items={activity.data} />
              </dd>
            </dl>
          </section>
        ))}
      </section>
      <section aria-labelledby="record-recipients">
        <h2 id="record-recipients">{h.recipients}</h2>
        <Bullets items={record.recipients} />
        <h3>{h.transfers}</h3>
        <p>{record.transfers}</p>
      </section>
      <section aria-labelledby="record-periods">
        <h2 id="record-periods">{h.periods}</h2>
        <table className="w-full border-collapse text-left">
          <thead>
            <tr>
              <th scope="col" className="border-b border-slate-400 p-2">
                {h.dataColumn}
              </th>
              <th scope="col" className="border-b border-slate-400 p-2">
                {h.periodColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {record.periods.map((row) => (
              <tr key={row.data}>
                <th scope="row" className="border-b border-slate-200 p-2 align-top font-normal">
                  {row.data}
                </th>
                <td className="border-b border-slate-200 p-2 align-top">{row.period}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="record-measures">
        <h2 id="record-measures">{h.measures}</h2>
        <Bullets items={record.measures} />
      </section>
    </article>
  );
}
