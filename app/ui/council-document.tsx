import type { ReactNode } from "react";

export type DocumentFact = { label: string; value: ReactNode };

/**
 * The council's document layout on A4: the board's name and the kind of document beside a table of
 * facts (the first one in bold), the addressee, then the document itself.
 */
export function CouncilDocument({
  titleId,
  boardName,
  documentType,
  facts,
  addressee,
  children,
}: {
  titleId: string;
  boardName: string;
  documentType: string;
  facts: DocumentFact[];
  addressee: string;
  children: ReactNode;
}) {
  return (
    <>
      {/* The portal's header, banner and footer are not part of the council document on paper. */}
      <style>{"@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; } @media print { body > header, body > footer, body > p { display: none !important; } }"}</style>
      <article
        aria-labelledby={titleId}
        className="mx-auto max-w-[21cm] border border-slate-300 bg-white p-10 text-[11pt] leading-snug print:border-0 print:p-0"
      >
        <header className="mb-8 flex flex-wrap justify-between gap-6 border-b-2 border-slate-900 pb-4">
          <div>
            <p className="text-lg font-bold">{boardName}</p>
            <p>{documentType}</p>
          </div>
          <table className="text-sm">
            <caption className="sr-only">{facts[0]?.label}</caption>
            <tbody>
              {facts.map((fact, index) => (
                <tr key={fact.label}>
                  <th scope="row" className="border-0 pl-0 font-normal">
                    {fact.label}
                  </th>
                  <td className={index === 0 ? "border-0 font-semibold" : "border-0"}>{fact.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </header>
        <p className="mb-6 font-semibold">{addressee}</p>
        {children}
      </article>
    </>
  );
}
