import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { DataTable } from "~/ui/table";

export type ConsultationView = {
  id: number;
  organizationName: string;
  date: string | null;
  agendaItemNumber: string | null;
  isPublic: boolean;
  role: string;
  result: string | null;
  /** Imported steps: the RIS's own words where the portal's vocabulary has none. */
  roleText?: string | null;
  resultText?: string | null;
  countYes: number | null;
  countNo: number | null;
  countAbstention: number | null;
};

function votes(step: ConsultationView) {
  if (step.countYes === null && step.countNo === null && step.countAbstention === null) return "";
  return [step.countYes, step.countNo, step.countAbstention].map((n) => (n === null ? "–" : String(n))).join(" / ");
}

/** The Gremienweg as the council's paper form shows it: date, body, TOP, public, result, counts. */
export function GremienwegTable({ steps }: { steps: ConsultationView[] }) {
  const c = t.papers.consultation;
  if (steps.length === 0) return <p>{t.papers.document.noSteps}</p>;
  return (
    <DataTable
      caption={c.caption}
      captionClassName="sr-only"
      className="w-full text-sm print:text-[10pt]"
      columns={[c.date, c.body, c.agendaItem, c.public, c.role, c.result, c.votes]}
    >
      {steps.map((step) => (
        <tr key={step.id}>
          <td>{step.date ? formatDate(step.date) : "–"}</td>
          <th scope="row" className="font-normal">
            {step.organizationName}
          </th>
          <td>{step.agendaItemNumber ?? ""}</td>
          <td>{step.isPublic ? t.papers.document.public : t.papers.document.nonPublic}</td>
          <td>{step.roleText ?? t.papers.roles[step.role]}</td>
          <td>{step.resultText || step.result ? <strong>{step.resultText ?? t.papers.results[step.result!]}</strong> : t.papers.document.pending}</td>
          <td>{votes(step)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
