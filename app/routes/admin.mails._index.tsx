import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, IntentButtonForm } from "~/ui/form";
import { MoreLink } from "~/ui/pagination";
import { errorBoundaryWith } from "~/ui/error-page";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { readForm } from "~/lib/fields";
import { pageFromUrl } from "~/lib/pagination";
import { requirePermission } from "~/policy.server";
import { listMails } from "~/server/mail/outbox.server";
import { sendTestMail } from "~/server/mail/test-mail.server";
import { smtpConfigured } from "~/server/mail/transport.server";
import { DataTable } from "~/ui/table";
import { TitledSection } from "~/ui/titled-section";

const text = t.mail.admin;
export const meta: MetaFunction = () => [{ title: `${text.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:mail");
  const page = pageFromUrl(new URL(request.url));
  const { mails, hasMore } = await listMails({ page });
  return json({ mails, hasMore, page, smtp: smtpConfigured() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read:mail");
  const form = await readForm(request);
  if (form.get("intent") !== "test") throw new Response("Unbekannte Aktion.", { status: 400 });
  const { queued } = await sendTestMail({ user });
  return json({ notice: queued ? text.testQueued : text.testKept });
}

export default function AdminMails() {
  const { mails, hasMore, page, smtp } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TitledSection id="mails-title" title={text.title}>
      <p className="mb-4 max-w-3xl">{text.intro}</p>
      {smtp ? null : (
        <p role="note" className="mb-4 rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {text.noSmtp}
        </p>
      )}
      <h2>{text.testTitle}</h2>
      <p>{text.testIntro}</p>
      <FormAlert message={result?.notice} tone="success" />
      <IntentButtonForm intent="test" label={text.testSubmit} className="mb-6" />
      {mails.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <DataTable caption={text.caption} captionClassName="sr-only" className="w-full" columns={[text.createdAt, text.to, text.subject, text.state]}>
          {mails.map((mail) => (
            <tr key={mail.id}>
              <td>
                <time dateTime={isoString(mail.createdAt)}>{formatDateTime(mail.createdAt)}</time>
              </td>
              <td>{mail.toAddress}</td>
              <th scope="row" className="font-normal">
                <a href={`/admin/mails/${mail.id}`}>{mail.subject}</a>
              </th>
              <td>{text.states[mail.state]}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <MoreLink page={page} hasMore={hasMore} label={text.more} />
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: text.adminOnly });
