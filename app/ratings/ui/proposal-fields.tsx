import { t } from "~/i18n/de";
import type { ProposalInput as Proposal } from "~/ratings/proposal";
import { Field, SelectField, TextareaField } from "~/ui/form";

const p = t.ratings.proposal;
const triOptions = [
  { value: "", label: p.unknown },
  { value: "ja", label: p.yes },
  { value: "nein", label: p.no },
];
const tri = (value: boolean | null | undefined) => (value === true ? "ja" : value === false ? "nein" : "");

/** Title, vendor, Markdown summary and the structured fact sheet. */
export function ProposalFields({ proposal, errors, prefix = "proposal-" }: { proposal?: Proposal; errors?: Record<string, string>; prefix?: string }) {
  const common = { idPrefix: prefix, errors };
  return (
    <div className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2">
        <Field {...common} name="title" label={p.title} defaultValue={proposal?.title} required maxLength={200} />
        <Field {...common} name="vendor" label={p.vendor} defaultValue={proposal?.vendor} required maxLength={200} />
      </div>
      <TextareaField {...common} name="summary" label={p.summary} defaultValue={proposal?.summary} rows={5} />
      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{p.factSheet}</legend>
        <div className="grid gap-3 md:grid-cols-2">
          <Field {...common} name="hostingLocation" label={p.hostingLocation} defaultValue={proposal?.hostingLocation} maxLength={500} />
          <SelectField {...common} name="avvAvailable" label={p.avvAvailable} defaultValue={tri(proposal?.avvAvailable)} options={triOptions} />
          <SelectField {...common} name="bsiC5" label={p.bsiC5} defaultValue={tri(proposal?.bsiC5)} options={triOptions} />
          <SelectField {...common} name="iso27001" label={p.iso27001} defaultValue={tri(proposal?.iso27001)} options={triOptions} />
          <Field {...common} name="accessibility" label={p.accessibility} defaultValue={proposal?.accessibility} maxLength={500} />
          <Field {...common} name="priceModel" label={p.priceModel} defaultValue={proposal?.priceModel} maxLength={500} />
          <Field {...common} name="referenceCustomers" label={p.referenceCustomers} defaultValue={proposal?.referenceCustomers} maxLength={500} />
        </div>
      </fieldset>
    </div>
  );
}
