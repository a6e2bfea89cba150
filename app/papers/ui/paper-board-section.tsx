import { Link } from "@remix-run/react";
import { paperPath } from "~/papers/paper-path";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";

export type BoardItem = {
  id: number;
  number: string;
  name: string;
  meetingId: number;
  meetingName: string;
  meetingStart: string;
  result: string | null;
  ratingRoundId: number | null;
  ratingRoundTitle: string | null;
};

/** Where the board had the paper on its agenda (and rated it in a round). */
export function PaperBoardSection({ items }: { items: BoardItem[] }) {
  const b = t.papers.board;
  return (
    <section aria-labelledby="board-title" className="mt-8">
      <h2 id="board-title">{b.title}</h2>
      {items.length === 0 ? (
        <p>{b.none}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/sitzungen/${item.meetingId}`}>{item.meetingName}</Link> ({formatDate(item.meetingStart)}), {b.item} {item.number}: {item.name}
              {item.result ? (
                <>
                  {" "}
                  – {b.result}: {item.result}
                </>
              ) : null}
              {item.ratingRoundId ? (
                <>
                  {" "}
                  – {b.round}: <Link to={`/bewertungsrunden/${item.ratingRoundId}`}>{item.ratingRoundTitle}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Related = { reference: string; paperType: string; name: string; date: string; direction: "answers" | "answeredBy" };

export function RelatedPapers({ related }: { related: Related[] }) {
  const r = t.papers.related;
  return (
    <section aria-labelledby="related-title" className="mt-8">
      <h2 id="related-title">{r.title}</h2>
      {related.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <ul className="space-y-1">
          {related.map((paper) => (
            <li key={paper.reference}>
              {paper.direction === "answers" ? r.answers : r.answeredBy}:{" "}
              <Link to={paperPath(paper.reference)}>
                {t.papers.types[paper.paperType]} {paper.reference}
              </Link>{" "}
              vom {formatDate(paper.date)} – {paper.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
