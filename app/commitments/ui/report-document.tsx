import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { CouncilDocument } from "~/ui/council-document";
import { DueText } from "./commitment-table";

type Row = {
  id: number;
  reference: string | null;
  title: string;
  status: string;
  voteClosedAt: string | null;
  papers: string[];
  councilDecision: { body: string; reference: string; result: string | null; resultText: string | null; on: string } | null;
  outcome: { outcome: string; note: string } | null;
  openCommitments: Array<{ id: number; title: string; office: string; status: string; dueText: string | null; dueDate: string | null; overdue: boolean }>;
};

const r = t.commitments.report;

function council(decision: Row["councilDecision"]) {
  if (!decision) return t.commitments.accountability.noCouncil;
  const result = decision.result ? t.papers.results[decision.result] : (decision.resultText ?? "");
  return `${decision.body}, ${formatDate(`${decision.on}T12:00:00Z`)} (${decision.reference}): ${result}`;
}

/** The annual report in the council's document layout (A4): header block, addressee, one section per recommendation. */
export function ReportDocument({ year, rows, boardName, today }: { year: number; rows: Row[]; boardName: string; today: string }) {
  return (
    <CouncilDocument
      titleId="report-title"
      boardName={boardName}
      documentType={r.documentType}
      facts={[
        { label: r.year, value: year },
        { label: r.date, value: formatDate(today) },
      ]}
      addressee={r.addressee}
    >
      <h1 id="report-title" className="text-xl">
        {r.title(year)}
      </h1>
      <p>{rows.length === 0 ? r.none : r.intro(rows.length, year)}</p>
      {rows.map((row) => (
        <section key={row.id} aria-labelledby={`report-rec-${row.id}`} className="mt-6 break-inside-avoid border-t border-slate-400 pt-3">
          <h2 id={`report-rec-${row.id}`} className="text-lg">
            {row.reference ? `${row.reference}: ` : ""}
            {row.title}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{r.papers}</dt>
            <dd>{row.papers.join(", ") || "–"}</dd>
            <dt className="font-semibold">{r.council}</dt>
            <dd>{council(row.councilDecision)}</dd>
            <dt className="font-semibold">{r.outcome}</dt>
            <dd>
              {t.commitments.outcome[row.outcome?.outcome ?? "none"]}
              {row.outcome?.note ? ` – ${row.outcome.note}` : ""}
            </dd>
            <dt className="font-semibold">{r.openCommitments}</dt>
            <dd>
              {row.openCommitments.length === 0 ? (
                r.noOpen
              ) : (
                <ul className="list-disc pl-5">
                  {row.openCommitments.map((c) => (
                    <li key={c.id}>
                      {c.title} ({c.office}): {t.commitments.status[c.status]}
                      {c.overdue ? `, ${t.commitments.overdue}` : ""} – <DueText dueText={c.dueText} dueDate={c.dueDate} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </section>
      ))}
    </CouncilDocument>
  );
}
