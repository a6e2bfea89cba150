import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { CouncilDocument } from "~/ui/council-document";
import { VoteRecord, type VoteRecordData } from "./vote-record";

const p = t.recommendations.print;

type Props = {
  rec: VoteRecordData & { title: string; reference: string | null; publishedAt: string | null; summary: string };
  html: string;
  papers: string[];
  recusals: Array<{ name: string | null }>;
  corrections: Array<{ number: number; note: string | null }>;
  boardName: string;
};

/** The council's document layout: header block, addressee, subject, text, vote record (A4). */
export function PrintDocument({ rec, html, papers, recusals, corrections, boardName }: Props) {
  const facts = [
    { label: p.reference, value: rec.reference },
    { label: p.date, value: rec.publishedAt ? formatDate(rec.publishedAt) : "" },
  ];
  if (papers.length > 0) facts.push({ label: p.papers, value: papers.join(", ") });
  return (
    <CouncilDocument titleId="print-title" boardName={boardName} documentType={p.documentType} facts={facts} addressee={p.addressee}>
      <h1 id="print-title" className="text-xl">
        <span className="font-normal">{p.subject}: </span>
        {rec.title}
      </h1>
      {corrections.map((c) => (
        <p key={c.number} className="border-l-4 border-slate-700 pl-3 italic">
          {t.recommendations.detail.correctionNote}: {c.note}
        </p>
      ))}
      <div className="prose-md mt-4" dangerouslySetInnerHTML={{ __html: html }} />
      <div className="mt-8 break-inside-avoid border-t border-slate-400 pt-4">
        <VoteRecord record={rec} recusals={recusals} />
      </div>
    </CouncilDocument>
  );
}
