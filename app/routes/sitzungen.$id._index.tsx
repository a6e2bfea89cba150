import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { AgendaList } from "~/meetings/ui/agenda-list";
import { AttendanceList } from "~/meetings/ui/attendance-list";
import { MeetingTime } from "~/meetings/ui/meeting-summary";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { listAgendaItemsWithHtml } from "~/meetings/agenda.server";
import { listAttendees } from "~/meetings/minutes.server";
import { loadMeeting } from "~/meetings/access.server";
import { can, getUser } from "~/policy.server";
import { followState } from "~/notifications/follows.server";
import { summariseResponses } from "~/meetings/responses.server";
import { FollowButton } from "~/notifications/ui/follow-button";
import { listDocumentItems, loadDocumentSection } from "~/documents/documents.server";
import { DocumentList } from "~/documents/ui/document-list";
import { DocumentsSection, documentNotice } from "~/documents/ui/documents-section";
import { env } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.name ?? t.meetings.title} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const meeting = await loadMeeting(params);
  const { id } = meeting;
  const [items, attendees, follow] = await Promise.all([
    listAgendaItemsWithHtml({ viewer: user, meetingIds: [id] }),
    listAttendees({ viewer: user, meetingId: id }),
    followState(user, "meeting", id),
  ]);
  const responses = can(user, "read:meeting:internal") ? await summariseResponses({ meetingId: id, userId: user?.id ?? null }) : null;
  const documents = await loadDocumentSection({ ref: { type: "meeting", id }, reader: user, facts: { type: "meeting" } });
  const itemDocuments = await listDocumentItems({ type: "agendaItem", ids: items.map((item) => item.id) });
  return json({
    meeting,
    items,
    attendees,
    follow,
    responses,
    canManage: can(user, "manage:meeting"),
    documents,
    itemDocuments: items
      .filter((item) => itemDocuments.has(item.id))
      .map((item) => ({ id: item.id, number: item.number, name: item.name, documents: itemDocuments.get(item.id)! })),
    documentOwners: [
      { value: `meeting:${id}`, label: t.documents.form.wholeMeeting },
      ...items.map((item) => ({ value: `agendaItem:${item.id}`, label: `TOP ${item.number}: ${item.name}` })),
    ],
    documentNotice: documentNotice(request.url),
    fileMaxMb: env().FILE_MAX_MB,
  });
}

export default function MeetingPage() {
  const { meeting, items, attendees, canManage, follow, responses, documents, itemDocuments, documentOwners, documentNotice, fileMaxMb } =
    useLoaderData<typeof loader>();
  const location = [meeting.locationRoom, meeting.locationAddress].filter(Boolean).join(", ");
  const held = meeting.state === "durchgefuehrt";
  return (
    <article aria-labelledby="meeting-title">
      <h1 id="meeting-title">{meeting.name}</h1>
      {meeting.cancelled ? (
        <p role="status" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-800">
          <strong>{t.meetings.cancelled}:</strong> {meeting.cancellationReason}
        </p>
      ) : null}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t.meetings.details.when}</dt>
        <dd>
          <MeetingTime start={meeting.start} end={meeting.end} />
        </dd>
        {location ? (
          <>
            <dt className="font-medium">{t.meetings.details.where}</dt>
            <dd>{location}</dd>
          </>
        ) : null}
        <dt className="font-medium">{t.meetings.details.state}</dt>
        <dd>{t.meetings.states[meeting.state]}</dd>
        {responses ? (
          <>
            <dt className="font-medium">{t.notifications.meetingResponse.planned}</dt>
            <dd>
              {t.notifications.meetingResponse.accepted(responses.accepted)}, {t.notifications.meetingResponse.declined(responses.declined)}
              {responses.own
                ? ` (${t.notifications.meetingResponse.yours(responses.own === "zugesagt" ? t.notifications.meetingResponse.accept : t.notifications.meetingResponse.decline)})`
                : null}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="no-print my-4 flex flex-wrap gap-3">
        <a href={`/sitzungen/${meeting.id}/kalender.ics`} className="btn-secondary">
          {t.meetings.download}
        </a>
        {follow ? <FollowButton type="meeting" id={meeting.id} following={follow.following} label={meeting.name} /> : null}
        {canManage ? (
          <>
            <Link to={`/sitzungen/${meeting.id}/bearbeiten`} className="btn-secondary">
              {t.meetings.editMeeting}
            </Link>
            <Link to={`/sitzungen/${meeting.id}/tagesordnung`} className="btn-secondary">
              {t.meetings.editAgenda}
            </Link>
            {held ? (
              <Link to={`/sitzungen/${meeting.id}/protokoll`} className="btn-secondary">
                {t.meetings.editMinutes}
              </Link>
            ) : null}
          </>
        ) : null}
      </div>
      <h2>{t.meetings.agenda.title}</h2>
      <AgendaList items={items} />
      {held ? (
        <>
          <h2>{t.meetings.minutes.title}</h2>
          {meeting.minutesReleasedAt ? (
            <p>{t.meetings.minutes.releasedOn(formatDate(meeting.minutesReleasedAt))}</p>
          ) : (
            <p>{canManage ? t.meetings.minutes.draftNotice : t.meetings.minutes.notReleased}</p>
          )}
          <h2>{t.meetings.attendance.title}</h2>
          <AttendanceList attendees={attendees} />
        </>
      ) : null}
      {documents ? (
        <DocumentsSection section={documents} maxMb={fileMaxMb} notice={documentNotice} owners={documentOwners}>
          {itemDocuments.map((item) => (
            <section key={item.id} id={`top-${item.id}`} aria-labelledby={`top-${item.id}-documents`} className="mt-3">
              <h3 id={`top-${item.id}-documents`}>
                TOP {item.number}: {item.name}
              </h3>
              <DocumentList items={item.documents} changeable={documents.change === "allowed"} maxMb={fileMaxMb} />
            </section>
          ))}
        </DocumentsSection>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.meetings.errors.notFound });
