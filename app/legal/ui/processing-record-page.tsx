import type { ReactNode } from "react";
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

/** A part of the record, named by its h2. */
function Part({ id, title, className, children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
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
      <Part id="record-controller" title={h.controller}>
        <p>{record.controller}</p>
        <h3>{h.dpo}</h3>
        <p>{record.dataProtectionOfficer}</p>
      </Part>
      <Part id="record-activities" title={h.activities} className="space-y-4">
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
      </Part>
      <Part id="record-recipients" title={h.recipients}>
        <Bullets items={record.recipients} />
        <h3>{h.transfers}</h3>
        <p>{record.transfers}</p>
      </Part>
      <Part id="record-periods" title={h.periods}>
        <table className="w-full border-collapse text-left">
          <thead>
            <tr>
              {[h.dataColumn, h.periodColumn].map((heading) => (
                <th key={heading} scope="col" className="border-b border-slate-400 p-2">
                  {heading}
                </th>
              ))}
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
      </Part>
      <Part id="record-measures" title={h.measures}>
        <Bullets items={record.measures} />
      </Part>
    </article>
  );
}
