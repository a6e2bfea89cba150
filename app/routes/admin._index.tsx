import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { errorBoundaryWith } from "~/ui/error-page";
import { useLoaderData } from "@remix-run/react";
import { t } from "~/i18n/de";
import { can, requirePermission } from "~/policy.server";
import { IntentButtonForm } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.accounts.admin.title} – Digitalbeirat` }];

const text = t.accounts.admin;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "invite:user");
  const links = [
    can(user, "manage:user") ? { to: "/admin/konten", label: text.accountsLink, text: text.accountsText } : null,
    { to: "/admin/einladungen", label: text.invitationsLink, text: text.invitationsText },
    can(user, "read:audit") ? { to: "/admin/protokoll", label: text.auditLink, text: text.auditText } : null,
    can(user, "run:oparl-sync") ? { to: "/admin/oparl", label: t.oparl.admin.title, text: t.oparl.admin.linkText } : null,
    can(user, "read:mail") ? { to: "/admin/mails", label: t.mail.admin.link, text: t.mail.admin.linkText } : null,
    can(user, "manage:jobs") ? { to: "/admin/auftraege", label: t.mail.jobs.link, text: t.mail.jobs.linkText } : null,
    can(user, "download:backup") ? { to: "/admin/sicherung", label: t.operations.backup.link, text: t.operations.backup.linkText } : null,
    can(user, "read:processing-record") ? { to: "/admin/verarbeitungsverzeichnis", label: t.processingRecord.link, text: t.processingRecord.linkText } : null,
    can(user, "manage:sign-language-video") ? { to: "/admin/gebaerdensprache", label: t.signLanguage.admin.link, text: t.signLanguage.admin.linkText } : null,
  ].filter((link) => link !== null);
  return json({ links, testMail: can(user, "read:mail") });
}

export default function AdminPage() {
  const { links, testMail } = useLoaderData<typeof loader>();
  return (
    <TitledSection id="admin-title" title={text.title}>
      <p className="mb-4">{text.intro}</p>
      <ul className="grid gap-4 sm:grid-cols-3">
        {links.map((link) => (
          <li key={link.to} className="rounded border border-slate-300 p-4">
            <a href={link.to} className="text-lg font-semibold">
              {link.label}
            </a>
            <p className="mt-1 text-slate-700">{link.text}</p>
          </li>
        ))}
      </ul>
      {testMail ? (
        <IntentButtonForm intent="test" label={t.mail.admin.testSubmit} action="/admin/mails" className="mt-6" buttonClassName="btn-secondary" />
      ) : null}
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: t.accounts.admin.inviteOnly });
