import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import type { ActionFeedback } from "~/topics/ui/comment-view";
import { MarkdownEditor } from "~/ui/markdown-editor";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { FormAlert, SubmitButton } from "~/ui/form";

type TopicData = {
  topic: {
    slug: string;
    title: string;
    html: string;
    status: string;
    visibility: string;
    fieldName: string;
    createdAt: string;
    author: { name: string; organisation: string | null; role: string | null };
  };
  following: boolean;
  signedIn: boolean;
  permissions: { comment: boolean; moderate: boolean; follow: boolean; edit: boolean };
};

/** With JavaScript the visit itself marks the topic read, through a POST (loaders never write). */
function MarkReadOnMount({ slug }: { slug: string }) {
  const fetcher = useFetcher();
  const { submit } = fetcher;
  useEffect(() => {
    submit({ intent: "markRead" }, { method: "post", action: `/themen/${slug}?index` });
  }, [slug, submit]);
  return null;
}

function TopicActions({ data }: { data: TopicData }) {
  const { topic, permissions } = data;
  return (
    <div className="no-print mt-4 flex flex-wrap items-center gap-3">
      {permissions.edit ? (
        <Link to={`/themen/${topic.slug}/bearbeiten`} className="btn-secondary">
          {t.topics.topic.edit}
        </Link>
      ) : null}
      {permissions.follow ? (
        <Form method="post" preventScrollReset>
          <SubmitButton intent={data.following ? "unfollow" : "follow"} className="btn-secondary">
            {data.following ? t.topics.topic.unfollow : t.topics.topic.follow}
          </SubmitButton>
        </Form>
      ) : null}
      {data.following ? <span className="text-sm text-slate-700">{t.topics.topic.following}</span> : null}
      {data.signedIn ? (
        <Form method="post" preventScrollReset>
          <SubmitButton intent="markRead" className="btn-secondary">
            {t.topics.topic.markRead}
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}

export function TopicHeader({ data }: { data: TopicData }) {
  const { topic } = data;
  return (
    <header>
      <p className="no-print mb-2 text-sm">
        <Link to="/themen">{t.topics.list.title}</Link>
      </p>
      <h1 id="topic-title">{topic.title}</h1>
      <p className="text-sm text-slate-700">
        {t.topics.topic.field}: {topic.fieldName} · {t.topics.status[topic.status]} · {t.topics.visibilityShort[topic.visibility]} · {t.topics.topic.by}{" "}
        {topic.author.name}
        {topic.author.organisation ? ` (${topic.author.organisation})` : null} {t.topics.topic.on}{" "}
        <time dateTime={isoString(topic.createdAt)}>{formatDateTime(topic.createdAt)}</time>
      </p>
      <div className="prose-md mt-4" dangerouslySetInnerHTML={{ __html: topic.html }} />
      <TopicActions data={data} />
      {data.signedIn ? <MarkReadOnMount slug={topic.slug} /> : null}
    </header>
  );
}

export function NewCommentForm({ data, feedback }: { data: TopicData; feedback: ActionFeedback }) {
  const mine = feedback?.target === "comment" ? feedback : undefined;
  if (data.topic.status !== "open") return <p className="mt-6 rounded bg-slate-100 p-3">{t.topics.topic.closedNotice}</p>;
  if (!data.signedIn)
    return (
      <p className="no-print mt-6">
        <a href={`/login?redirectTo=/themen/${data.topic.slug}`}>{t.topics.topic.loginToComment}</a>
      </p>
    );
  if (!data.permissions.comment) return <p className="no-print mt-6 text-slate-700">{t.topics.topic.readOnlyNotice}</p>;
  return (
    <section aria-labelledby="write-title" className="no-print mt-8">
      <h2 id="write-title">{t.topics.comment.write}</h2>
      <Form method="post" preventScrollReset className="space-y-2" noValidate>
        <FormAlert message={mine?.errors?.form} flush />
        <MarkdownEditor
          id="comment-body"
          label={t.topics.comment.body}
          hint={t.topics.form.bodyHint}
          defaultValue={mine?.values?.body}
          error={mine?.errors?.body}
          previewHtml={mine?.previewHtml}
        />
        <SubmitButton intent="comment">{t.topics.comment.submit}</SubmitButton>
      </Form>
    </section>
  );
}
