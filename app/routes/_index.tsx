import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CouncilRecommendationsSection } from "~/dashboard/ui/council-recommendations";
import { FollowedTopicsSection } from "~/dashboard/ui/followed-topics";
import { BallotsAwaitingSection, LatestDiscussionsSection, PublishedRecommendationsSection } from "~/dashboard/ui/latest-sections";
import { NextMeetingSection } from "~/dashboard/ui/next-meeting";
import { OverdueCommitmentsSection } from "~/dashboard/ui/overdue-commitments";
import { listOverdueCommitments } from "~/commitments/commitments.server";
import { MyOpenRatingsSection } from "~/ratings/ui/my-open-ratings";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { findNextMeeting } from "~/meetings/meetings.server";
import { listOpenRoundsForRater } from "~/ratings/scores.server";
import { getRecommendationDashboard, listBallotsAwaitingVote } from "~/recommendations/dashboard.server";
import { listFeedEntries } from "~/recommendations/feed.server";
import { listFollowedTopicsWithNews } from "~/topics/activity.server";
import { listTopics } from "~/topics/topics.server";
import { can, getUser, isBoardMember } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: "Digitalbeirat" }];

const LATEST_DISCUSSIONS = 5;
const LATEST_PUBLISHED = 5;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const reader = user ? { id: user.id, role: user.role } : null;
  const [nextMeeting, published, followedTopics, latestTopics, openRatings, ballots, councilView, overdueCommitments] = await Promise.all([
    findNextMeeting(),
    user?.role === "council"
      ? Promise.resolve([])
      : listFeedEntries({ reader, limit: LATEST_PUBLISHED }).then((rows) => rows.map(({ body: _body, bodyHtml: _html, htmlStamp: _stamp, ...item }) => item)),
    user ? listFollowedTopicsWithNews({ member: user }) : Promise.resolve([]),
    isBoardMember(user) ? listTopics({ reader, page: 1 }).then((list) => latestWithComments(list.topics)) : Promise.resolve(null),
    user && can(user, "rate:round") ? listOpenRoundsForRater({ rater: user }) : Promise.resolve(null),
    user && can(user, "vote:recommendation") ? listBallotsAwaitingVote({ voter: user }) : Promise.resolve(null),
    user?.role === "council" ? getRecommendationDashboard({ reader: user, since: user.previousVisitAt }) : Promise.resolve(null),
    can(user, "read:commitment:internal") ? listOverdueCommitments() : Promise.resolve(null),
  ]);
  return json({
    user: user ? { name: user.name, role: user.role } : null,
    boardName: env().BOARD_NAME,
    nextMeeting,
    published,
    followedTopics,
    latestTopics,
    openRatings,
    ballots,
    councilView,
    overdueCommitments,
  });
}

/** Discussions that have started: new, still empty topics (e.g. a draft proposal's) would crowd them out. */
function latestWithComments<T extends { commentCount: number }>(topics: T[]) {
  return topics.filter((topic) => topic.commentCount > 0).slice(0, LATEST_DISCUSSIONS);
}

export default function IndexPage() {
  const data = useLoaderData<typeof loader>();
  if (!data.user) {
    return (
      <TitledSection id="welcome-title" title={data.boardName}>
        <p className="max-w-3xl">{t.dashboard.intro}</p>
        <NextMeetingSection meeting={data.nextMeeting} />
        <PublishedRecommendationsSection items={data.published} />
      </TitledSection>
    );
  }
  return (
    <TitledSection id="dashboard-title" title={t.dashboard.greeting(data.user.name)}>
      <p>{t.dashboard.signedInAs(t.common.roles[data.user.role])}</p>
      <NextMeetingSection meeting={data.nextMeeting} />
      {data.ballots ? <BallotsAwaitingSection ballots={data.ballots} /> : null}
      <MyOpenRatingsSection rounds={data.openRatings} />
      <FollowedTopicsSection topics={data.followedTopics} />
      {data.overdueCommitments ? <OverdueCommitmentsSection items={data.overdueCommitments} /> : null}
      {data.latestTopics ? <LatestDiscussionsSection topics={data.latestTopics} /> : null}
      {data.councilView ? <CouncilRecommendationsSection data={data.councilView} /> : <PublishedRecommendationsSection items={data.published} />}
    </TitledSection>
  );
}
