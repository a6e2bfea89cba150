import type { BenchTargets } from "./generate/context";

export type BenchPage = { name: string; path: string; signedIn: boolean };

/** The main pages of issue 7, signed in as an expert, and the public ones as a visitor (issue 15); the baseline is a static page. */
export function benchPages(targets: BenchTargets): BenchPage[] {
  const page = (name: string, path: string, signedIn = true) => ({ name, path, signedIn });
  return [
    page("Messlatte (statisch)", "/bench/baseline", false),
    page("Übersicht", "/"),
    page("Themenliste", "/themen"),
    page("Thema, 500 Beiträge, S. 1", `/themen/${targets.topicSlug}`),
    page(`Thema, 500 Beiträge, S. ${targets.topicLastPage}`, `/themen/${targets.topicSlug}?seite=${targets.topicLastPage}`),
    page("Ergebnisse 10×5×8", `/bewertungsrunden/${targets.roundId}/ergebnisse`),
    page("Sitzung", `/sitzungen/${targets.meetingId}`),
    page("Vorlage", `/vorlagen/${targets.paperSlug}`),
    page("Empfehlung", `/empfehlungen/${targets.recommendationId}`),
    page("Startseite (Gast)", "/", false),
    page("Themenliste (Gast)", "/themen", false),
    page("Sitzung (Gast)", `/sitzungen/${targets.meetingId}`, false),
    page("Vorlage (Gast)", `/vorlagen/${targets.paperSlug}`, false),
    page("Empfehlung (Gast)", `/empfehlungen/${targets.recommendationId}`, false),
    page(`Suche „${targets.commonWord}“`, `/suche?q=${encodeURIComponent(targets.commonWord)}`),
    page(`Suche „${targets.rareWord}“`, `/suche?q=${encodeURIComponent(targets.rareWord)}`),
    // OParl list pages (issue 12): constant SQL statements per page, whatever the table size.
    page("OParl Vorlagen, 200 je Seite", "/oparl/v1/body/1/paper?limit=200", false),
    page("OParl Sitzungen, 200 je Seite", "/oparl/v1/body/1/meeting?limit=200", false),
  ];
}
