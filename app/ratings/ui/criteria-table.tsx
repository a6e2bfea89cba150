import { t } from "~/i18n/de";

type Criterion = { id: number; title: string; weight: number; scaleDescription: string };

export function CriteriaTable({ criteria }: { criteria: Criterion[] }) {
  const c = t.ratings.criterion;
  if (criteria.length === 0) return <p>{c.none}</p>;
  return (
    <table className="w-full">
      <caption className="sr-only">{c.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.title}</th>
          <th scope="col">{c.weight}</th>
          <th scope="col">{c.scale}</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((criterion) => (
          <tr key={criterion.id}>
            <th scope="row" className="font-normal">{criterion.title}</th>
            <td>{criterion.weight} %</td>
            <td className="whitespace-pre-line">{criterion.scaleDescription}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
