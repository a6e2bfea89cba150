import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";

const v = t.recommendations.versions;

type Version = { number: number; createdAt: string; authorName: string | null; correctionNote: string | null };

export function VersionTable({ versions }: { versions: Version[] }) {
  return (
    <table>
      <caption className="text-left font-semibold">{v.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{v.number}</th>
          <th scope="col">{v.date}</th>
          <th scope="col">{v.author}</th>
          <th scope="col">{v.note}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => (
          <tr key={version.number}>
            <td>{version.number}</td>
            <td>{formatDateTime(version.createdAt)}</td>
            <td>{version.authorName ?? t.common.formerMember}</td>
            <td>{version.correctionNote ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
