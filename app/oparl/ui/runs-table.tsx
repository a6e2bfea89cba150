import type { OparlRunCounts, OparlRunProblem } from "#db/schema";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { DataTable } from "~/ui/table";

export type RunRow = {
  id: number;
  state: string;
  trigger: string;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: OparlRunCounts;
  problems: OparlRunProblem[];
  error: string | null;
};

const text = t.oparl.admin;

function duration(run: RunRow) {
  if (!run.startedAt || !run.finishedAt) return "–";
  const seconds = Math.max(0, Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000));
  return `${seconds} s`;
}

/** The run log: what each sync created, changed, deleted and refused, and why. */
export function RunsTable({ runs }: { runs: RunRow[] }) {
  if (runs.length === 0) return <p>{text.none}</p>;
  return (
    <DataTable
      caption={text.runsCaption}
      captionClassName="sr-only"
      className="w-full text-left"
      columns={[text.columns.queued, text.columns.state, text.columns.trigger, text.columns.duration, text.columns.counts, text.columns.problems]}
    >
      {runs.map((run) => (
        <tr key={run.id} className="align-top">
          <td>
            <time dateTime={isoString(run.queuedAt)}>{formatDateTime(run.queuedAt)}</time>
          </td>
          <td>{text.states[run.state] ?? run.state}</td>
          <td>{text.triggers[run.trigger] ?? run.trigger}</td>
          <td>{duration(run)}</td>
          <td>
            <ul>
              {Object.entries(run.counts).map(([list, counts]) => (
                <li key={list}>{text.countLine(text.lists[list] ?? list, counts)}</li>
              ))}
            </ul>
          </td>
          <td>
            {run.error ? <p className="font-semibold">{run.error}</p> : null}
            {run.problems.length > 0 ? (
              <ul className="list-disc pl-5">
                {run.problems.slice(0, 20).map((problem, index) => (
                  <li key={index}>
                    {text.lists[problem.list] ?? problem.list}: {problem.reason}
                    {problem.id ? <span className="break-all text-slate-700"> ({problem.id})</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
