import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { describeUserAgent } from "~/lib/user-agent";
import { DataTable } from "~/ui/table";

type SessionRow = { id: string; createdAt: string; lastSeenAt: string; userAgent: string | null; current: boolean };

const text = t.accounts.account;

/** "Firefox 128 unter Windows"; an unrecognised browser string is shown shortened. */
function deviceLabel(userAgent: string | null) {
  if (!userAgent) return text.unknownDevice;
  return describeUserAgent(userAgent) ?? (userAgent.length > 80 ? `${userAgent.slice(0, 77)}…` : userAgent);
}

export function SessionTable({ sessions }: { sessions: SessionRow[] }) {
  return (
    <DataTable
      caption={text.sessionsCaption}
      captionClassName="sr-only"
      className="w-full"
      columns={[
        text.device,
        text.createdAt,
        text.lastSeen,
        <>
          <span className="sr-only">{t.accounts.accountsAdmin.actions}</span>
        </>,
      ]}
    >
      {sessions.map((session) => (
        <tr key={session.id} aria-current={session.current ? "true" : undefined}>
          <th scope="row" className="font-normal">
            {deviceLabel(session.userAgent)}
            {session.current ? <strong className="ml-2 whitespace-nowrap">({text.current})</strong> : null}
          </th>
          <td>
            <time dateTime={isoString(session.createdAt)}>{formatDateTime(session.createdAt)}</time>
          </td>
          <td>
            <time dateTime={isoString(session.lastSeenAt)}>{formatDateTime(session.lastSeenAt)}</time>
          </td>
          <td>
            <Form method="post">
              <input type="hidden" name="sessionId" value={session.id} />
              <button type="submit" name="intent" value="end-session" className="btn-secondary py-1">
                {text.endSession}
                {session.current ? <span className="sr-only"> ({text.current})</span> : null}
              </button>
            </Form>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
