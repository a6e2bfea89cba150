import { Link } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";

type Round = { id: number; title: string; closesAt: string; done: number; required: number };

/** Dashboard section for board members who rate: open rounds and their own progress. */
export function MyOpenRatingsSection({ rounds }: { rounds: Round[] | null }) {
  if (!rounds) return null;
  const d = t.ratings.dashboard;
  return (
    <section aria-labelledby="my-ratings-title">
      <h2 id="my-ratings-title">{d.title}</h2>
      {rounds.length === 0 ? (
        <p>{d.none}</p>
      ) : (
        <ul className="space-y-1">
          {rounds.map((round) => (
            <li key={round.id}>
              <Link to={`/bewertungsrunden/${round.id}/bewerten`}>{round.title}</Link>
              {" – "}
              {t.ratings.progress(round.done, round.required)}
              {round.done >= round.required && round.required > 0 ? ` (${d.finished})` : ""}
              {" · "}
              {d.closes(formatDateTime(round.closesAt))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
