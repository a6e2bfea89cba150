import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { errorBoundaryWith } from "~/ui/error-page";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { routeId } from "~/lib/fields";
import { notFound, requirePermission } from "~/policy.server";
import { getMail } from "~/server/mail/outbox.server";

const text = t.mail.admin;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.mail.subject ?? text.title} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:mail");
  const mail = (await getMail({ id: routeId(params.id) })) ?? notFound();
  const { secrets: _secrets, attachments, ...rest } = mail;
  return json({
    mail: {
      ...rest,
      attachments: attachments.map((file, index) => ({
        index,
        filename: file.filename,
        contentType: file.contentType,
        size: Math.floor((file.content.length * 3) / 4),
      })),
    },
  });
}

/** The HTML part is shown in a sandboxed frame without scripts, forms or network access of its own. */
export default function AdminMail() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="mail-title" className="space-y-4">
      <p>
        <a href="/admin/mails">{text.back}</a>
      </p>
      <h1 id="mail-title">{mail.subject}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{text.to}</dt>
        <dd>{mail.toName ? `${mail.toName} <${mail.toAddress}>` : mail.toAddress}</dd>
        <dt className="font-medium">{text.state}</dt>
        <dd>{text.states[mail.state]}</dd>
        <dt className="font-medium">{text.createdAt}</dt>
        <dd>{formatDateTime(mail.createdAt)}</dd>
        {mail.sentAt ? (
          <>
            <dt className="font-medium">{text.sentAt}</dt>
            <dd>{formatDateTime(mail.sentAt)}</dd>
          </>
        ) : null}
        <dt className="font-medium">{text.messageId}</dt>
        <dd className="font-mono text-sm">{mail.messageId}</dd>
        {mail.lastError ? (
          <>
            <dt className="font-medium">{text.error}</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
        {Object.entries(mail.headers).map(([name, value]) => (
          <Fragment key={name}>
            <dt className="font-mono text-sm">{name}</dt>
            <dd className="break-all font-mono text-sm">{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{text.textPart}</h2>
      <pre className="whitespace-pre-wrap rounded border border-slate-300 bg-slate-50 p-3 text-sm">{mail.text}</pre>
      <h2>{text.htmlPart}</h2>
      <iframe title={text.htmlFrame} sandbox="" srcDoc={mail.html} className="h-96 w-full rounded border border-slate-300 bg-white" />
      {mail.attachments.length > 0 ? (
        <>
          <h2>{text.attachments}</h2>
          <ul>
            {mail.attachments.map((file) => (
              <li key={file.index}>
                <a href={`/admin/mails/${mail.id}/anhang/${file.index}`} download={file.filename}>
                  {file.filename}
                </a>{" "}
                ({file.contentType}, {file.size} Bytes)
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: text.adminOnly });
