import { t } from "~/i18n/de";
import type { ProposalFacts as Facts } from "~/ratings/proposal";

const p = t.ratings.proposal;
const yesNo = (value: boolean | null) => (value === null ? p.unknown : value ? p.yes : p.no);
const orUnknown = (value: string) => value || p.unknown;

/** The structured fact sheet (Steckbrief) of a proposal. */
export function FactSheet({ facts }: { facts: Facts }) {
  const rows: Array<[string, string]> = [
    [p.hostingLocation, orUnknown(facts.hostingLocation)],
    [p.avvAvailable, yesNo(facts.avvAvailable)],
    [p.bsiC5, yesNo(facts.bsiC5)],
    [p.iso27001, yesNo(facts.iso27001)],
    [p.accessibility, orUnknown(facts.accessibility)],
    [p.priceModel, orUnknown(facts.priceModel)],
    [p.referenceCustomers, orUnknown(facts.referenceCustomers)],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,45%)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
