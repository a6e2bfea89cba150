import { t } from "~/i18n/de";

/** The way back from a /konto/… subpage. */
export const ACCOUNT_PAGE = { href: "/konto", label: t.accounts.account.title };
