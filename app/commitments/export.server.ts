import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { toCsv } from "~/ratings/csv.server";
import { escapeXml } from "~/recommendations/feed.server";
import type { listAccountabilityFeed, listStatusRows } from "./accountability.server";
import type { Timeline } from "./timeline.server";

const c = t.commitments.csv;

export function councilText(decision: Timeline["councilDecision"]) {
  if (!decision) return t.commitments.accountability.noCouncil;
  const result = decision.result ? t.papers.results[decision.result] : (decision.resultText ?? "");
  return `${decision.body} ${formatDate(decision.on)} (${decision.reference}): ${result}`;
}

export function outcomeText(timeline: Timeline) {
  return timeline.outcome ? t.commitments.outcome[timeline.outcome.outcome] : t.commitments.outcome.none;
}

/** The status table, one row per commitment (a recommendation without any gets one row); cells formula-defused by toCsv. */
export function statusCsv(rows: Awaited<ReturnType<typeof listStatusRows>>) {
  const header = [c.reference, c.title, c.publishedAt, c.council, c.outcome, c.commitment, c.office, c.dueText, c.dueDate, c.status, c.overdue];
  const lines: Array<Array<string | null>> = [header];
  for (const rec of rows) {
    const base = [
      rec.reference,
      rec.title,
      rec.publishedAt ? formatDate(rec.publishedAt) : "",
      councilText(rec.timeline.councilDecision),
      outcomeText(rec.timeline),
    ];
    if (rec.timeline.commitments.length === 0) lines.push([...base, "", "", "", "", "", ""]);
    for (const item of rec.timeline.commitments)
      lines.push([
        ...base,
        item.title,
        item.office,
        item.dueText,
        item.dueDate ? formatDate(item.dueDate) : "",
        t.commitments.status[item.status],
        item.overdue ? c.yes : "",
      ]);
  }
  return toCsv(lines);
}

/** Atom 1.0: one entry per status change and per outcome, every text escaped. */
export function accountabilityAtom({ changes, outcomes }: Awaited<ReturnType<typeof listAccountabilityFeed>>) {
  const { PORTAL_URL, BOARD_NAME } = env();
  const base = PORTAL_URL.replace(/\/$/, "");
  const a = t.commitments.accountability;
  const entries = [
    ...changes.map((change) => ({
      id: `${base}/zusagen/${change.commitmentId}#eintrag-${change.id}`,
      url: `${base}/zusagen/${change.commitmentId}`,
      title: a.feedEntry(change.title, t.commitments.status[change.toStatus ?? "offen"]),
      summary: change.note,
      at: change.at,
    })),
    ...outcomes.map((outcome) => ({
      id: `${base}/empfehlungen/${outcome.recommendationId}#ergebnis-${outcome.at.getTime()}`,
      url: `${base}/empfehlungen/${outcome.recommendationId}#umsetzung`,
      title: a.feedOutcome(outcome.reference ?? "", t.commitments.outcome[outcome.outcome]),
      summary: outcome.note || outcome.title,
      at: outcome.at,
    })),
  ].sort((x, y) => y.at.getTime() - x.at.getTime());
  const updated = entries[0]?.at ?? new Date(0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <title>${escapeXml(`${a.feedTitle} – ${BOARD_NAME}`)}</title>`,
    `  <id>${escapeXml(`${base}/umsetzung`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/umsetzung.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/umsetzung`)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${escapeXml(BOARD_NAME)}</name></author>`,
    ...entries.map((entry) =>
      [
        "  <entry>",
        `    <title>${escapeXml(entry.title)}</title>`,
        `    <id>${escapeXml(entry.id)}</id>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
        `    <updated>${entry.at.toISOString()}</updated>`,
        entry.summary ? `    <summary>${escapeXml(entry.summary)}</summary>` : null,
        "  </entry>",
      ]
        .filter(Boolean)
        .join("\n"),
    ),
    "</feed>",
    "",
  ].join("\n");
}
