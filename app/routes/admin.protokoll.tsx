import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { t } from "~/i18n/de";
import { PrevNextNav } from "~/ui/pagination";
import { formatDateTime, isoString } from "~/lib/dates";
import { pageFromUrl } from "~/lib/pagination";
import { listAuditEvents } from "~/accounts/audit.server";
import { displayName } from "~/accounts/users.server";
import { requirePermission } from "~/policy.server";
import { DataTable } from "~/ui/table";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.accounts.audit.title} – Digitalbeirat` }];

const text = t.accounts.audit;

function auditActionLabel(action: string) {
  return text.actions[action] ?? action;
}

function detailValue(key: string, value: unknown) {
  if (typeof value !== "string") return JSON.stringify(value);
  if (key === "from" || key === "to" || key === "role") return t.common.roles[value] ?? value;
  return text.detailValues[value] ?? value;
}

/** "vorher: Ratsmitglied, nachher: Beiratsmitglied" in a fixed order (jsonb sorts keys its own way). */
function detailsText(details: Record<string, unknown>) {
  const order = Object.keys(text.detailKeys);
  return Object.entries(details)
    .sort(([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0))
    .map(([key, value]) => `${text.detailKeys[key] ?? key}: ${detailValue(key, value)}`)
    .join(", ");
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit");
  const page = pageFromUrl(new URL(request.url));
  const { events, hasMore } = await listAuditEvents({ page });
  return json({
    page,
    hasMore,
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      action: auditActionLabel(event.action),
      actor: event.actorName === null && event.actorDeleted === null ? text.system : displayName({ name: event.actorName, deletedAt: event.actorDeleted }),
      object: event.objectType ? `${text.objectTypes[event.objectType] ?? event.objectType} ${event.objectId ?? ""}`.trim() : "",
      details: detailsText(event.details),
    })),
  });
}

export default function AuditLogPage() {
  const { events, page, hasMore } = useLoaderData<typeof loader>();
  const location = useLocation();
  const href = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("seite", String(target));
    return `?${params.toString()}`;
  };
  return (
    <TitledSection id="audit-title" title={text.title}>
      {events.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <div className="overflow-x-auto">
          <DataTable
            caption={text.caption}
            captionClassName="sr-only"
            className="w-full text-sm"
            columns={[text.at, text.actor, text.action, text.object, text.details]}
          >
            {events.map((event) => (
              <tr key={event.id}>
                <th scope="row" className="font-normal whitespace-nowrap">
                  <time dateTime={isoString(event.at)}>{formatDateTime(event.at)}</time>
                </th>
                <td>{event.actor}</td>
                <td>{event.action}</td>
                <td>{event.object}</td>
                <td className="break-all">{event.details}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      <PrevNextNav page={page} hasMore={hasMore} href={href}>
        <span>
          {t.common.pagination.page} {page}
        </span>
      </PrevNextNav>
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: t.accounts.admin.adminOnly });
