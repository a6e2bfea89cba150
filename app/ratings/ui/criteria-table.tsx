import { t } from "~/i18n/de";
import { DataTable } from "~/ui/table";

type Criterion = { id: number; title: string; weight: number; scaleDescription: string };

export function CriteriaTable({ criteria }: { criteria: Criterion[] }) {
  const c = t.ratings.criterion;
  if (criteria.length === 0) return <p>{c.none}</p>;
  return (
    <DataTable caption={c.caption} captionClassName="sr-only" className="w-full" columns={[c.title, c.weight, c.scale]}>
      {criteria.map((criterion) => (
        <tr key={criterion.id}>
          <th scope="row" className="font-normal">
            {criterion.title}
          </th>
          <td>{criterion.weight} %</td>
          <td className="whitespace-pre-line">{criterion.scaleDescription}</td>
        </tr>
      ))}
    </DataTable>
  );
}
