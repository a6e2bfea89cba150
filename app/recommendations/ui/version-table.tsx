import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { DataTable } from "~/ui/table";

const v = t.recommendations.versions;

type Version = { number: number; createdAt: string; authorName: string | null; correctionNote: string | null };

export function VersionTable({ versions }: { versions: Version[] }) {
  return (
    <DataTable caption={v.caption} columns={[v.number, v.date, v.author, v.note]}>
      {versions.map((version) => (
        <tr key={version.number}>
          <td>{version.number}</td>
          <td>{formatDateTime(version.createdAt)}</td>
          <td>{version.authorName ?? t.common.formerMember}</td>
          <td>{version.correctionNote ?? ""}</td>
        </tr>
      ))}
    </DataTable>
  );
}
