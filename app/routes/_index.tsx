import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CouncilRecommendationsSection } from "~/components/dashboard/council-recommendations";
import { FollowedTopicsSection } from "~/components/dashboard/followed-topics";
import { MyOpenRatingsSection } from "~/components/rating/my-open-ratings";
import { NextMeetingSection } from "~/components/dashboard/next-meeting";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { getRecommendationDashboard } from "~/models/recommendation-dashboard.server";
import { findNextMeeting } from "~/models/meeting.server";
import { listFollowedTopicsWithNews } from "~/models/topic-activity.server";
import { listOpenRoundsForRater } from "~/models/rating-scores.server";
import { can, getUser } from "~/policy.server";

export const meta: MetaFunction = () => [{ title: "Digitalbeirat" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const followedTopics = user ? await listFollowedTopicsWithNews({ member: user }) : [];
  const recommendations = user?.role === "council" ? await getRecommendationDashboard({ reader: user, since: user.previousVisitAt }) : null;
  const nextMeeting = await findNextMeeting();
  const openRatings = user && can(user, "rate:round") ? await listOpenRoundsForRater({ rater: user }) : null;
  return json({ user: user ? { name: user.name, role: user.role } : null, boardName: env().BOARD_NAME, followedTopics, recommendations, nextMeeting, openRatings });
}

export default function IndexPage() {
  const { user, boardName, followedTopics, recommendations, nextMeeting, openRatings } = useLoaderData<typeof loader>();
  if (!user) {
    return (
      <section aria-labelledby="welcome-title">
        <h1 id="welcome-title">{boardName}</h1>
        <p className="max-w-3xl">
          Der Digitalbeirat berät Stadtrat und Verwaltung in Fragen der Digitalisierung: Künstliche
          Intelligenz, IT-Sicherheit und digitale Verwaltungsleistungen nach dem Online-Zugangsgesetz.
          Externe IT-Expertinnen und -Experten aus der Region diskutieren hier Themen, bewerten
          Vorschläge und veröffentlichen Empfehlungen zu Vorlagen des Stadtrats.
        </p>
        <NextMeetingSection meeting={nextMeeting} />
      </section>
    );
  }
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Guten Tag, {user.name}</h1>
      <p>Sie sind angemeldet als {t.common.roles[user.role]}.</p>
      <NextMeetingSection meeting={nextMeeting} />
      <MyOpenRatingsSection rounds={openRatings} />
      <FollowedTopicsSection topics={followedTopics} />
      {recommendations ? <CouncilRecommendationsSection data={recommendations} /> : null}
    </section>
  );
}
