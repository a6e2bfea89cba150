import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/ui/pagination";
import { pageCount } from "~/lib/pagination";
import { MeetingSummary } from "~/meetings/ui/meeting-summary";
import { t } from "~/i18n/de";
import { pageFromUrl } from "~/lib/pagination";
import { listMeetings, MEETING_PAGE_SIZE, type MeetingPeriod } from "~/meetings/meetings.server";
import { can, getUser } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";
import { CreateLink } from "~/ui/create-link";

export const meta: MetaFunction = () => [{ title: `${t.meetings.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const url = new URL(request.url);
  const period: MeetingPeriod = url.searchParams.get("zeit") === "vergangen" ? "vergangen" : "kommend";
  const page = pageFromUrl(url);
  const { meetings, total } = await listMeetings({ period, page });
  return json({ meetings, total, page, pageSize: MEETING_PAGE_SIZE, period, canManage: can(user, "manage:meeting") });
}

export default function MeetingsPage() {
  const { meetings, total, page, pageSize, period, canManage } = useLoaderData<typeof loader>();
  const location = useLocation();
  const heading = period === "kommend" ? t.meetings.upcoming : t.meetings.past;
  return (
    <TitledSection id="meetings-title" title={t.meetings.title}>
      <p>{t.meetings.intro}</p>
      <div className="no-print my-4 flex flex-wrap gap-4">
        <CreateLink show={canManage} to="/sitzungen/neu" label={t.meetings.newMeeting} />
        <a href="/sitzungen.ics" className="btn-secondary">
          {t.meetings.calendarFeed}
        </a>
      </div>
      <nav aria-label={t.meetings.periodNav} className="no-print mb-4 flex gap-4">
        <Link to="/sitzungen" aria-current={period === "kommend" ? "page" : undefined}>
          {t.meetings.upcoming}
        </Link>
        <Link to="/sitzungen?zeit=vergangen" aria-current={period === "vergangen" ? "page" : undefined}>
          {t.meetings.past}
        </Link>
      </nav>
      <h2>{heading}</h2>
      {meetings.length === 0 ? (
        <p>{t.meetings.none}</p>
      ) : (
        <ul className="space-y-3">
          {meetings.map((meeting) => (
            <li key={meeting.id} className="rounded border border-slate-300 p-3">
              <MeetingSummary meeting={meeting} headingLevel={3} />
              <p className="text-sm text-slate-700">{t.meetings.itemCount(meeting.itemCount)}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} totalPages={pageCount(total, pageSize)} search={location.search} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
