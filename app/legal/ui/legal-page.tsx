import type { LegalSection } from "~/i18n/de/legal";

export function LegalPage({ id, title, intro, sections }: { id: string; title: string; intro?: string; sections: LegalSection[] }) {
  return (
    <article aria-labelledby={id} className="max-w-3xl">
      <h1 id={id}>{title}</h1>
      {intro ? <p className="mb-4">{intro}</p> : null}
      {sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph} className="mb-3">
              {paragraph}
            </p>
          ))}
          {section.items ? (
            <ul className="mb-3 list-disc space-y-1 pl-6">
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </article>
  );
}
