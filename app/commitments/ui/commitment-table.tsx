import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { DataTable } from "~/ui/table";
import { CommitmentStatusBadge } from "./status-badge";

type Item = {
  id: number;
  title: string;
  office: string;
  status: string;
  dueText: string | null;
  dueDate: string | null;
  overdue: boolean;
  isPublic: boolean;
  paperReference: string | null;
  paperPath: string | null;
};

const c = t.commitments.table;

export function DueText({ dueText, dueDate }: { dueText: string | null; dueDate: string | null }) {
  return (
    <>
      {dueDate ? <time dateTime={dueDate}>{formatDate(dueDate)}</time> : null}
      {dueDate && dueText ? <br /> : null}
      {dueText ? <span className="text-sm text-slate-700">„{dueText}“</span> : null}
    </>
  );
}

export function CommitmentTable({ items }: { items: Item[] }) {
  return (
    <DataTable caption={c.caption} columns={[c.title, c.office, c.source, c.due, c.status]}>
      {items.map((item) => (
        <tr key={item.id}>
          <th scope="row" className="font-normal">
            <a href={`/zusagen/${item.id}`}>{item.title}</a>
            {item.isPublic ? null : <span className="text-sm text-slate-700"> ({t.commitments.internalBadge})</span>}
          </th>
          <td>{item.office}</td>
          <td>{item.paperPath ? <a href={item.paperPath}>{item.paperReference}</a> : null}</td>
          <td>
            <DueText dueText={item.dueText} dueDate={item.dueDate} />
          </td>
          <td>
            <CommitmentStatusBadge status={item.status} overdue={item.overdue} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
