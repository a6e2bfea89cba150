import { Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { ListSection } from "~/ui/list-section";

type Round = { id: number; title: string; closesAt: string; done: number; required: number };

const d = t.ratings.dashboard;

const renderRound = (round: Round) => (
  <li key={round.id}>
    <Link to={`/bewertungsrunden/${round.id}/bewerten`}>{round.title}</Link>
    {" – "}
    {t.ratings.progress(round.done, round.required)}
    {round.done >= round.required && round.required > 0 ? ` (${d.finished})` : ""}
    {" · "}
    {d.closes(formatDateTime(round.closesAt))}
  </li>
);

/** Dashboard section for board members who rate: open rounds and their own progress. */
export function MyOpenRatingsSection({ rounds }: { rounds: Round[] | null }) {
  if (!rounds) return null;
  return <ListSection id="my-ratings-title" title={d.title} items={rounds} empty={d.none} classes={{ list: "space-y-1" }} renderItem={renderRound} />;
}
