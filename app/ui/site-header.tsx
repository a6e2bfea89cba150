import { Form, NavLink } from "@remix-run/react";
import { t } from "~/i18n/de";

export type NavUser = { name: string; role: "admin" | "staff" | "expert" | "council" };

type NavItem = { to: string; label: string; roles: Array<NavUser["role"] | "visitor"> };

const ALL = ["admin", "staff", "expert", "council", "visitor"] as const;
const BOARD = ["admin", "staff", "expert"] as const;

const NAV_ITEMS: NavItem[] = [
  { to: "/", label: t.common.nav.dashboard, roles: [...ALL] },
  { to: "/themen", label: t.common.nav.topics, roles: [...ALL] },
  { to: "/bewertungsrunden", label: t.common.nav.rounds, roles: [...BOARD] },
  { to: "/sitzungen", label: t.common.nav.meetings, roles: [...ALL] },
  { to: "/vorlagen", label: t.common.nav.papers, roles: [...ALL] },
  { to: "/empfehlungen", label: t.common.nav.recommendations, roles: [...ALL] },
  { to: "/umsetzung", label: t.common.nav.accountability, roles: [...ALL] },
  { to: "/zusagen", label: t.common.nav.commitments, roles: [...BOARD] },
  { to: "/suche", label: t.common.nav.search, roles: [...ALL] },
  { to: "/admin", label: t.common.nav.admin, roles: ["admin", "staff"] },
];

export function SiteHeader({ boardName, user, unread = 0 }: { boardName: string; user: NavUser | null; unread?: number }) {
  const role = user?.role ?? "visitor";
  const items = NAV_ITEMS.filter((item) => item.roles.includes(role));
  return (
    <header className="no-print border-b border-slate-300 bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <a href="/" className="text-lg font-bold text-white no-underline hover:text-brand-100">
          {boardName}
        </a>
        <div className="no-print flex flex-wrap items-center gap-3 text-sm">
          <a href="/leichte-sprache" className="text-white hover:text-brand-100">
            {t.common.nav.easyLanguage}
          </a>
          <a href="/gebaerdensprache" className="text-white hover:text-brand-100">
            {t.common.nav.signLanguage}
          </a>
          {user ? (
            <>
              <a href="/benachrichtigungen" className="text-white hover:text-brand-100">
                {t.notifications.centre.headerLink(unread)}
              </a>
              <a href="/konto" className="text-white hover:text-brand-100">
                {user.name} ({t.common.roles[user.role]})
              </a>
              <Form method="post" action="/logout">
                <button type="submit" className="rounded border border-white px-3 py-1 hover:bg-brand-800">
                  {t.common.nav.logout}
                </button>
              </Form>
            </>
          ) : (
            <a href="/login" className="text-white hover:text-brand-100">
              {t.common.nav.login}
            </a>
          )}
        </div>
      </div>
      <nav aria-label={t.common.nav.label} className="no-print bg-brand-800">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.to === "/"}
                className={({ isActive }) =>
                  `block px-3 py-2 text-white no-underline hover:bg-brand-700 hover:text-white ${isActive ? "bg-brand-700 font-semibold underline" : ""}`
                }
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
