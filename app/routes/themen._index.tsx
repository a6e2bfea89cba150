import { parseId } from "~/lib/fields";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/ui/pagination";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import { listFieldsWithTopicCounts, listTopics, TOPICS_PAGE_SIZE } from "~/topics/topics.server";
import { can, getUser, notFound } from "~/policy.server";
import { DataTable } from "~/ui/table";
import { TitledSection } from "~/ui/titled-section";
import { CreateLink } from "~/ui/create-link";

export const meta: MetaFunction = () => [{ title: `${t.topics.list.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const url = new URL(request.url);
  const page = pageFromUrl(url);
  const fieldId = parseId(url.searchParams.get("feld") ?? undefined) ?? undefined;
  const [{ topics, total }, fields] = await Promise.all([listTopics({ reader: user, page, fieldId }), listFieldsWithTopicCounts({ reader: user })]);
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
    <TitledSection id="topics-title" title={t.topics.list.title}>
      <p className="mb-4 text-slate-700">{t.topics.list.intro}</p>
      <div className="no-print mb-4 flex flex-wrap items-end gap-4">
        <CreateLink show={data.canCreate} to="/themen/neu" label={t.topics.list.newTopic} />
        {data.canManageFields ? (
          <Link to="/themen/handlungsfelder" className="btn-secondary">
            {t.topics.list.manageFields}
          </Link>
        ) : null}
      </div>
      <nav aria-label={t.topics.list.filterLabel} className="no-print mb-4">
        <ul className="flex flex-wrap gap-2">
          {[{ id: null, name: t.topics.list.allFields, topicCount: null }, ...data.fields].map((field) => {
            const current = field.id === data.fieldId;
            return (
              <li key={field.id ?? "all"}>
                <Link
                  to={field.id ? `/themen?feld=${field.id}` : "/themen"}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block rounded border px-3 py-1 ${current ? "border-brand-900 bg-brand-700 text-white" : "border-brand-700"}`}
                >
                  {field.name}
                  {field.topicCount !== null ? ` (${field.topicCount})` : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {data.topics.length === 0 ? (
        <p>{t.topics.list.empty}</p>
      ) : (
        <DataTable
          caption={t.topics.list.caption}
          captionClassName="sr-only"
          className="w-full"
          columns={[t.topics.list.topic, t.topics.list.field, t.topics.list.comments, t.topics.list.lastActivity]}
        >
          {data.topics.map((topic) => (
            <tr key={topic.id}>
              <th scope="row" className="font-normal">
                <Link to={`/themen/${topic.slug}`} className={topic.unread ? "font-bold" : undefined}>
                  {topic.title}
                </Link>
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
        </DataTable>
      )}
      <Pagination page={data.page} totalPages={data.totalPages} search={search} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
