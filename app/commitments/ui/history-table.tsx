import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { DataTable } from "~/ui/table";

type Entry = {
  id: number;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  source: string | null;
  createdAt: string;
  authorName: string | null;
};

const d = t.commitments.detail;

/** The dated history, oldest first: every status change with its note and source. */
export function HistoryTable({ entries }: { entries: Entry[] }) {
  return (
    <DataTable caption={d.historyCaption} columns={[d.when, d.what, t.commitments.fields.note, d.who]}>
      {entries.map((entry) => (
        <tr key={entry.id} id={`eintrag-${entry.id}`}>
          <th scope="row" className="font-normal whitespace-nowrap">
            <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
          </th>
          <td>
            {t.commitments.entryKinds[entry.kind]}
            {entry.toStatus ? (
              <>
                : {entry.fromStatus ? `${t.commitments.status[entry.fromStatus]} → ` : ""}
                <strong>{t.commitments.status[entry.toStatus]}</strong>
              </>
            ) : null}
          </td>
          <td>
            <p className="whitespace-pre-line">{entry.note}</p>
            {entry.source ? (
              <p className="text-sm text-slate-700">
                {t.commitments.detail.source}: {entry.source}
              </p>
            ) : null}
          </td>
          <td>{entry.authorName ?? ""}</td>
        </tr>
      ))}
    </DataTable>
  );
}
