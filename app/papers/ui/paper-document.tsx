import type { ReactNode } from "react";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { GremienwegTable, type ConsultationView } from "./gremienweg-table";
import type { PaperFormValues } from "./paper-form";

/** The paper's header fields as the form edits them, its texts rendered. */
export type PaperDocumentData = Pick<PaperFormValues, "reference" | "paperType" | "name" | "date" | "originator" | "underDirectionOf" | "fileNumber"> & {
  bodyHtml: string;
  resolutionRecommendationHtml: string | null;
  answers: { reference: string; paperType: string }[];
};

function Cell({ label, children, className = "" }: { label?: string; children: ReactNode; className?: string }) {
  return (
    <div className={`border-b border-slate-400 px-2 py-1 ${className}`}>
      {label ? <span className="mr-2 font-semibold">{label}:</span> : null}
      {children}
    </div>
  );
}

/** A council paper laid out like the council's own form (header block, Gremienweg, text). */
export function PaperDocument({ paper, steps }: { paper: PaperDocumentData; steps: ConsultationView[] }) {
  const d = t.papers.document;
  const answered = paper.answers[0];
  return (
    <article aria-labelledby="paper-title" className="paper-document max-w-4xl print:max-w-none print:text-[11pt]">
      <header className="mb-4">
        <h1 id="paper-title" className="mb-1">
          {t.papers.types[paper.paperType] ?? paper.paperType}
        </h1>
        {answered ? <p className="text-lg">{paper.paperType === "Stellungnahme" ? `${d.zumAntrag} ${answered.reference}` : answered.reference}</p> : null}
      </header>
      <div className="mb-6 border border-slate-500 print:border-black">
        <div className="grid grid-cols-[2fr_1fr]">
          <Cell label={d.vorlage}>{paper.reference}</Cell>
          <Cell label={d.datum}>{formatDate(paper.date)}</Cell>
        </div>
        {paper.underDirectionOf ? <Cell>{paper.underDirectionOf}</Cell> : null}
        <div className="grid grid-cols-[2fr_1fr]">
          <Cell label={d.verfasser}>{paper.originator}</Cell>
          <Cell label={d.az}>{paper.fileNumber ?? "–"}</Cell>
        </div>
        <Cell label={d.betreff}>
          <span className="block font-medium">{paper.name}</span>
        </Cell>
        <section aria-labelledby="gremienweg-title" className="px-2 py-2">
          <h2 id="gremienweg-title" className="mt-0 text-base">
            {d.gremienweg}
          </h2>
          <GremienwegTable steps={steps} />
        </section>
      </div>
      <section aria-labelledby="paper-text-title">
        <h2 id="paper-text-title">{t.papers.types[paper.paperType] ?? paper.paperType}</h2>
        <div className="prose-md" dangerouslySetInnerHTML={{ __html: paper.bodyHtml }} />
      </section>
      {paper.resolutionRecommendationHtml ? (
        <section aria-labelledby="recommendation-title" className="break-inside-avoid">
          <h2 id="recommendation-title">{d.beschlussempfehlung}</h2>
          <div className="prose-md" dangerouslySetInnerHTML={{ __html: paper.resolutionRecommendationHtml }} />
        </section>
      ) : null}
    </article>
  );
}
