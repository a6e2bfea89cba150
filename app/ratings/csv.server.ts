import { sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import { pseudonymsCte } from "~/ratings/results.server";
import type { RoundResults } from "~/ratings/results.server";
import { pseudonymLabel } from "~/ratings/ranking.server";
import { t } from "~/i18n/de";

/** German Excel opens semicolon-separated UTF-8 with a byte order mark without asking. */
const BOM = "\uFEFF";
const SEPARATOR = ";";

const decimal = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

export function csvNumber(value: number | null | undefined) {
  return value === null || value === undefined || Number.isNaN(value) ? "" : decimal.format(value);
}

/** Quotes where needed; a leading =, +, -, @ gets an apostrophe so a spreadsheet does not run it. */
export function csvCell(value: string | number | null | undefined) {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Array<Array<string | number | null | undefined>>) {
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR)).join("\r\n") + "\r\n";
}

export function resultsCsv(results: RoundResults) {
  const c = t.ratings.results;
  const header = [
    c.rank,
    c.proposal,
    t.ratings.proposal.vendor,
    `${c.mean} Nutzwert`,
    `${c.median} Nutzwert`,
    c.raters,
    c.stddev,
    "Status",
    ...results.criteria.map((criterion) => `${criterion.title} (${criterion.weight} %) ${c.mean}`),
  ];
  const rows = results.ranking.map((p) => [
    p.rank === null ? "" : String(p.rank),
    p.title,
    p.vendor,
    csvNumber(p.mean),
    csvNumber(p.median),
    String(p.raters),
    csvNumber(p.stddev),
    p.excluded ? c.excludedBecause(p.excludedBy.join(", ")) : p.rank === null ? c.notRanked : "",
    ...p.criteria.map((stat) => csvNumber(stat.mean)),
  ]);
  return toCsv([header, ...rows]);
}

type RawRow = { pseudonym: number; proposal: string; vendor: string; criterion: string; weight: number; score: number; reason: string };

/** Every score with the rater replaced by a pseudonym; no names, no ids, no timestamps. */
export async function rawScoresCsv({ roundId }: { roundId: number }) {
  const rows = await queryRows<RawRow>(
    db,
    sql`
      with ${pseudonymsCte(roundId)}
      select ps.n as pseudonym, p.title as proposal, p.vendor, c.title as criterion, c.weight, s.score, s.reason
      from rating_scores s
      join pseudonyms ps on ps.rater_id = s.rater_id
      join rating_proposals p on p.id = s.proposal_id
      join rating_criteria c on c.id = s.criterion_id
      where s.round_id = ${roundId}
      order by ps.n, p.position, p.id, c.position, c.id`,
  );
  const c = t.ratings.results;
  const header = ["Bewertende Person", c.proposal, t.ratings.proposal.vendor, c.criterion, `${c.weight} (%)`, "Punkte", t.ratings.scoring.reason];
  return toCsv([
    header,
    ...rows.map((r) => [c.person(pseudonymLabel(r.pseudonym)), r.proposal, r.vendor, r.criterion, String(r.weight), String(r.score), r.reason]),
  ]);
}
