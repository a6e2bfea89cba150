import { t } from "~/i18n/de";

export function SiteFooter({ boardName }: { boardName: string }) {
  return (
    <footer className="no-print mt-12 border-t border-slate-300 bg-slate-100 text-sm">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-6">
        <p>{boardName}</p>
        <nav aria-label={t.common.footer.label} className="no-print">
          <ul className="flex flex-wrap gap-4">
            <li>
              <a href="/impressum">{t.common.footer.imprint}</a>
            </li>
            <li>
              <a href="/datenschutz">{t.common.footer.privacy}</a>
            </li>
            <li>
              <a href="/barrierefreiheit">{t.common.footer.accessibility}</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
