import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { parseId, readForm } from "~/lib/fields";
import { pageFromUrl } from "~/lib/pagination";
import { listNotifications, markRead } from "~/notifications/centre.server";
import { requireUser } from "~/policy.server";
import { IntentButtonForm } from "~/ui/form";
import { MoreLink } from "~/ui/pagination";
import { TitledSection } from "~/ui/titled-section";

const text = t.notifications.centre;
export const meta: MetaFunction = () => [{ title: `${text.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageFromUrl(new URL(request.url));
  const { notifications, hasMore } = await listNotifications({ member: user, page });
  return json({ page, hasMore, notifications: notifications.map(({ objectId: _o, objectType: _t, ...row }) => row) });
}

/** Mark one (intent "read", id) or all (intent "read-all") as read. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "read-all") await markRead({ userId: user.id });
  else if (intent === "read") {
    const id = parseId(form.get("id"));
    if (!id) throw new Response(t.common.errors.notFound, { status: 400 });
    await markRead({ userId: user.id, id });
  } else throw new Response("Unbekannte Aktion.", { status: 400 });
  return redirect("/benachrichtigungen");
}

export default function NotificationCentre() {
  const { notifications, page, hasMore } = useLoaderData<typeof loader>();
  const unread = notifications.some((n) => !n.readAt);
  return (
    <TitledSection id="centre-title" title={text.title}>
      <p className="mb-4 max-w-3xl">
        {text.intro} <a href="/konto/benachrichtigungen">{text.settings}</a>
      </p>
      {unread ? <IntentButtonForm intent="read-all" label={text.markAllRead} className="mb-4" buttonClassName="btn-secondary" /> : null}
      {notifications.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul className="space-y-2" aria-label={text.caption}>
          {notifications.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-center justify-between gap-2 rounded border p-3 ${n.readAt ? "border-slate-200" : "border-brand-700 bg-brand-50"}`}
            >
              <div>
                <a href={n.path} className="font-medium">
                  {n.title}
                </a>
                <p className="text-sm text-slate-700">
                  {t.notifications.kinds[n.kind]} · <time dateTime={isoString(n.createdAt)}>{formatDateTime(n.createdAt)}</time>
                  {n.readAt ? null : (
                    <>
                      {" "}
                      · <strong>{text.unread}</strong>
                    </>
                  )}
                </p>
              </div>
              {n.readAt ? null : (
                <IntentButtonForm intent="read" label={text.markRead} buttonClassName="btn-secondary py-1" ariaLabel={`${text.markRead}: ${n.title}`}>
                  <input type="hidden" name="id" value={n.id} />
                </IntentButtonForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <MoreLink page={page} hasMore={hasMore} label={text.more} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
