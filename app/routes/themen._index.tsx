import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { PageLinks } from "~/components/topics/page-links";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import { listFieldOptions, listTopics, TOPICS_PAGE_SIZE } from "~/models/topic.server";
import { paramId } from "~/models/topic-schemas.server";
import { can, getUser, notFound } from "~/policy.server";

export const meta: MetaFunction = () => [{ title: `${t.topics.list.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const url = new URL(request.url);
  const page = pageFromUrl(url);
  const fieldId = paramId(url.searchParams.get("feld") ?? undefined) ?? undefined;
  const [{ topics, total }, fields] = await Promise.all([listTopics({ reader: user, page, fieldId }), listFieldOptions()]);
  const totalPages = pageCount(total, TOPICS_PAGE_SIZE);
  if (page > totalPages) notFound(t.topics.list.pastEnd);
  return json({
    topics,
    fields,
    fieldId: fieldId ?? null,
    page,
    totalPages,
    signedIn: user !== null,
    canCreate: can(user, "create:topic"),
    canManageFields: can(user, "manage:field"),
  });
}

export default function TopicListPage() {
  const data = useLoaderData<typeof loader>();
  const search = data.fieldId ? `feld=${data.fieldId}` : "";
  return (
    <section aria-labelledby="topics-title">
      <h1 id="topics-title">{t.topics.list.title}</h1>
      <p className="mb-4 text-slate-700">{t.topics.list.intro}</p>
      <div className="no-print mb-4 flex flex-wrap items-end gap-4">
        {data.canCreate ? <Link to="/themen/neu" className="btn">{t.topics.list.newTopic}</Link> : null}
        {data.canManageFields ? <Link to="/themen/handlungsfelder" className="btn-secondary">{t.topics.list.manageFields}</Link> : null}
        <Form method="get" className="flex items-end gap-2">
          <div className="flex flex-col">
            <label htmlFor="feld">{t.topics.list.filterLabel}</label>
            <select id="feld" name="feld" defaultValue={data.fieldId ?? ""}>
              <option value="">{t.topics.list.allFields}</option>
              {data.fields.map((field) => (
                <option key={field.id} value={field.id}>{field.name}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">{t.topics.list.filter}</button>
        </Form>
      </div>
      {data.topics.length === 0 ? (
        <p>{t.topics.list.empty}</p>
      ) : (
        <table className="w-full">
          <caption className="sr-only">{t.topics.list.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.topics.list.topic}</th>
              <th scope="col">{t.topics.list.field}</th>
              <th scope="col">{t.topics.list.comments}</th>
              <th scope="col">{t.topics.list.lastActivity}</th>
            </tr>
          </thead>
          <tbody>
            {data.topics.map((topic) => (
              <tr key={topic.id}>
                <th scope="row" className="font-normal">
                  <Link to={`/themen/${topic.slug}`} className={topic.unread ? "font-bold" : undefined}>{topic.title}</Link>
                  {topic.unread && data.signedIn ? (
                    <span className="ml-2 rounded bg-amber-200 px-1 text-xs font-semibold text-amber-950" title={t.topics.list.unreadLabel}>
                      {t.topics.list.unread}
                    </span>
                  ) : null}
                  <span className="block text-sm text-slate-700">
                    {t.topics.status[topic.status]} · {t.topics.visibilityShort[topic.visibility]}
                  </span>
                </th>
                <td>{topic.fieldName}</td>
                <td>{topic.commentCount}</td>
                <td>
                  <time dateTime={isoString(topic.lastActivityAt)}>{formatDateTime(topic.lastActivityAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PageLinks page={data.page} totalPages={data.totalPages} search={search} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
