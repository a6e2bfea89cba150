import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
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
  return (
    <>
      {/* The portal's header, banner and footer are not part of the council document on paper. */}
      <style>{"@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; } @media print { body > header, body > footer, body > p { display: none !important; } }"}</style>
      <article
        aria-labelledby="print-title"
        className="mx-auto max-w-[21cm] border border-slate-300 bg-white p-10 text-[11pt] leading-snug print:border-0 print:p-0"
      >
        <header className="mb-8 flex flex-wrap justify-between gap-6 border-b-2 border-slate-900 pb-4">
          <div>
            <p className="text-lg font-bold">{boardName}</p>
            <p>{p.documentType}</p>
          </div>
          <table className="text-sm">
            <caption className="sr-only">{p.reference}</caption>
            <tbody>
              <tr>
                <th scope="row" className="border-0 pl-0 font-normal">
                  {p.reference}
                </th>
                <td className="border-0 font-semibold">{rec.reference}</td>
              </tr>
              <tr>
                <th scope="row" className="border-0 pl-0 font-normal">
                  {p.date}
                </th>
                <td className="border-0">{rec.publishedAt ? formatDate(rec.publishedAt) : ""}</td>
              </tr>
              {papers.length > 0 ? (
                <tr>
                  <th scope="row" className="border-0 pl-0 font-normal">
                    {p.papers}
                  </th>
                  <td className="border-0">{papers.join(", ")}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </header>
        <p className="mb-6 font-semibold">{p.addressee}</p>
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
      </article>
    </>
  );
}
