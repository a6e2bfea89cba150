import { Link } from "@remix-run/react";
import { paperPath } from "~/papers/paper-path";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { ListSection } from "~/ui/list-section";

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

const b = t.papers.board;

const r = t.papers.related;

const renderBoardItem = (item: BoardItem) => (
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
);

/** Where the board had the paper on its agenda (and rated it in a round). */
export function PaperBoardSection({ items }: { items: BoardItem[] }) {
  return (
    <ListSection id="board-title" title={b.title} items={items} empty={b.none} classes={{ section: "mt-8", list: "space-y-2" }} renderItem={renderBoardItem} />
  );
}

type Related = { reference: string; paperType: string; name: string; date: string; direction: "answers" | "answeredBy" };

const renderRelated = (paper: Related) => (
  <li key={paper.reference}>
    {paper.direction === "answers" ? r.answers : r.answeredBy}:{" "}
    <Link to={paperPath(paper.reference)}>
      {t.papers.types[paper.paperType]} {paper.reference}
    </Link>{" "}
    vom {formatDate(paper.date)} – {paper.name}
  </li>
);

export function RelatedPapers({ related }: { related: Related[] }) {
  return (
    <ListSection
      id="related-title"
      title={r.title}
      items={related}
      empty={r.none}
      classes={{ section: "mt-8", list: "space-y-1" }}
      renderItem={renderRelated}
    />
  );
}
