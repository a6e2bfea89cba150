import type { EasySection } from "~/i18n/de/easy-language";
import { t } from "~/i18n/de";
import { PrintButton } from "~/ui/print-button";

/** One statement per line, in a larger type, as Leichte Sprache asks. */
export function EasyLanguagePage({ sections }: { sections: EasySection[] }) {
  const text = t.easyLanguage;
  return (
    <article aria-labelledby="easy-language-title" className="max-w-3xl space-y-8 text-lg leading-relaxed">
      <header className="space-y-2">
        <h1 id="easy-language-title">{text.title}</h1>
        {text.intro.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <div className="no-print">
          <PrintButton />
        </div>
      </header>
      {sections.map((section, index) => (
        <section key={section.heading} aria-labelledby={`easy-${index}`} className="space-y-1">
          <h2 id={`easy-${index}`}>{section.heading}</h2>
          {section.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {section.links ? (
            <ul className="mt-2 space-y-1">
              {section.links.map((link) => (
                <li key={link.to}>
                  <a href={link.to}>{link.label}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </article>
  );
}
