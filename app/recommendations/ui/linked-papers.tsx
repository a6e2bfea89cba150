import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { DataTable } from "~/ui/table";

type Step = {
  body: string;
  date: string | null;
  role: string;
  result: string | null;
  countYes: number | null;
  countNo: number | null;
  countAbstention: number | null;
};
export type LinkedPaper = {
  id: number;
  reference: string;
  name: string;
  paperType: string;
  path: string;
  status: string;
  gremienweg: Step[];
  decision: Step | null;
};

const d = t.recommendations.detail;
const ROLE = t.papers.roles;
const RESULT = t.papers.resultsInFull;
const STATUS: Record<string, string> = { offen: "Entscheidung offen", beschlossen: "beschlossen", erledigt: "erledigt" };

function counts(step: Step) {
  if (step.countYes === null && step.countNo === null && step.countAbstention === null) return "";
  return ` (Ja ${step.countYes ?? 0}, Nein ${step.countNo ?? 0}, Enthaltungen ${step.countAbstention ?? 0})`;
}

/** Each linked paper with its Gremienweg and, side by side, the board's result and the council's decision. */
export function LinkedPapers({ papers, boardResult }: { papers: LinkedPaper[]; boardResult: string | null }) {
  if (papers.length === 0) return <p>{d.noPapers}</p>;
  return (
    <ul className="space-y-6">
      {papers.map((paper) => (
        <li key={paper.id} className="rounded border border-slate-300 p-4">
          <h3 className="mt-0">
            <a href={paper.path}>{paper.reference}</a> – {paper.name}
          </h3>
          <p className="text-sm text-slate-700">
            {paper.paperType} · {t.recommendations.detail.gremienweg}: {STATUS[paper.status] ?? paper.status}
          </p>
          <div className="mt-2 grid gap-4 md:grid-cols-2">
            <div>
              <h4 className="font-semibold">{d.boardRecommends}</h4>
              <p>{boardResult ?? "–"}</p>
            </div>
            <div>
              <h4 className="font-semibold">{d.councilDecision}</h4>
              <p>
                {paper.decision
                  ? `${paper.decision.body}${paper.decision.date ? `, ${formatDate(paper.decision.date)}` : ""}: ${RESULT[paper.decision.result ?? ""] ?? paper.decision.result}${counts(paper.decision)}`
                  : d.noDecision}
              </p>
            </div>
          </div>
          {paper.gremienweg.length > 0 ? (
            <DataTable
              caption={
                <>
                  {d.gremienweg} {paper.reference}
                </>
              }
              className="mt-3 w-full text-sm"
              columns={[<>Gremium</>, <>Datum</>, <>Rolle</>, <>Ergebnis</>]}
            >
              {paper.gremienweg.map((step, index) => (
                <tr key={index}>
                  <td>{step.body}</td>
                  <td>{step.date ? formatDate(step.date) : "noch offen"}</td>
                  <td>{ROLE[step.role] ?? step.role}</td>
                  <td>{step.result ? `${RESULT[step.result] ?? step.result}${counts(step)}` : "–"}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
