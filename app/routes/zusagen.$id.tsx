import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { ListSection } from "~/ui/list-section";
import { DueText } from "~/commitments/ui/commitment-table";
import { EntryForms } from "~/commitments/ui/entry-forms";
import { HistoryTable } from "~/commitments/ui/history-table";
import { LinkForm } from "~/commitments/ui/link-form";
import { CommitmentStatusBadge } from "~/commitments/ui/status-badge";
import { FollowButton } from "~/notifications/ui/follow-button";
import { t } from "~/i18n/de";
import { readForm, routeId } from "~/lib/fields";
import { redirectAfterChange } from "~/lib/redirect.server";
import { handleCommitmentIntent } from "~/commitments/actions.server";
import { getVisibleCommitment, listCommitmentFormOptions } from "~/commitments/commitments.server";
import { followState } from "~/notifications/follows.server";
import { can, forbidden, getUser, notFound, requireUser } from "~/policy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.commitment.title ?? t.commitments.title} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const id = routeId(params.id, t.commitments.notFound);
  const commitment = (await getVisibleCommitment({ id, reader: user })) ?? notFound(t.commitments.notFound);
  const [follow, linkOptions] = await Promise.all([
    followState(user, "commitment", id),
    can(user, "record:commitment") ? listCommitmentFormOptions() : Promise.resolve(null),
  ]);
  return json({
    commitment,
    follow,
    linkOptions,
    permissions: {
      canChangeStatus: can(user, "change:commitment-status"),
      canPostUpdate: can(user, "post:commitment-update"),
      canComment: can(user, "comment:commitment"),
      canSetDue: can(user, "record:commitment"),
      canPublish: can(user, "publish:commitment"),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = routeId(params.id, t.commitments.notFound);
  if (!can(user, "read:commitment:internal")) forbidden();
  const result = await handleCommitmentIntent({ actor: user, id, form: await readForm(request) });
  if (!result.ok) {
    if (result.status === 404) notFound(t.commitments.notFound);
    if (result.status === 403) forbidden();
    return json({ errors: result.errors, intent: result.intent }, { status: result.status });
  }
  return redirectAfterChange(`/zusagen/${id}`);
}

/** What the commitment answers (recommendations, topics) as a list of links; left out when empty. */
function LinkSection({ id, title, links }: { id: string; title: string; links: { key: string | number; href: string; label: string }[] }) {
  if (links.length === 0) return null;
  return (
    <ListSection
      id={id}
      title={title}
      items={links}
      empty={null}
      classes={{ list: "list-disc pl-6" }}
      renderItem={(link) => (
        <li key={link.key}>
          <a href={link.href}>{link.label}</a>
        </li>
      )}
    />
  );
}

export default function CommitmentPage() {
  const { commitment: c, follow, permissions, linkOptions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const d = t.commitments.detail;
  return (
    <article aria-labelledby="commitment-title" className="space-y-6">
      <header className="space-y-2">
        <p className="no-print text-sm">
          <a href="/zusagen">{d.back}</a>
        </p>
        <h1 id="commitment-title">{c.title}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <CommitmentStatusBadge status={c.status} overdue={c.overdue} />
          {follow ? <FollowButton type="commitment" id={c.id} following={follow.following} label={c.title} /> : null}
        </p>
      </header>
      <section aria-labelledby="promise-title">
        <h2 id="promise-title">{d.promise}</h2>
        <blockquote className="border-l-4 border-slate-500 pl-3 whitespace-pre-line">{c.promise}</blockquote>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">{d.office}</dt>
          <dd>{c.office}</dd>
          <dt className="font-semibold">{d.source}</dt>
          <dd>
            {c.paper ? (
              <>
                <a href={c.paper.path}>{c.paper.reference}</a> {c.paper.name}
                {c.sourcePassage ? ` – ${d.passage}: ${c.sourcePassage}` : ""}
              </>
            ) : null}
            {c.meeting ? (
              <>
                {c.paper ? <br /> : null}
                <a href={`/sitzungen/${c.meeting.id}`}>{c.meeting.name}</a>
                {c.meeting.agendaNumber ? `, TOP ${c.meeting.agendaNumber}: ${c.meeting.agendaName}` : ""}
              </>
            ) : null}
          </dd>
          <dt className="font-semibold">{d.due}</dt>
          <dd>{c.dueText || c.dueDate ? <DueText dueText={c.dueText} dueDate={c.dueDate} /> : d.noDueDate}</dd>
        </dl>
      </section>
      <LinkSection
        id="commitment-recs-title"
        title={d.recommendations}
        links={c.recommendations.map((rec) => ({
          key: rec.id,
          href: `/empfehlungen/${rec.id}#umsetzung`,
          label: rec.reference ? `${rec.reference}: ${rec.title}` : rec.title,
        }))}
      />
      <LinkSection
        id="commitment-topics-title"
        title={d.topics}
        links={c.topics.map((topic) => ({ key: topic.slug, href: `/themen/${topic.slug}`, label: topic.title }))}
      />
      <section aria-labelledby="history-title">
        <h2 id="history-title">{d.history}</h2>
        <HistoryTable entries={c.entries} />
      </section>
      <EntryForms
        status={c.status}
        dueDate={c.dueDate}
        isPublic={c.isPublic}
        permissions={permissions}
        intent={data?.intent ?? null}
        errors={data?.errors ?? {}}
      />
      {linkOptions ? <LinkForm options={linkOptions} errors={data?.intent === "link" ? data.errors : {}} /> : null}
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.commitments.notFound });
