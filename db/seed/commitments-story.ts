/**
 * The four promises of ST/0020/2025 (shared/reference/ST-0020-2025.txt) as the board recorded
 * them, with their history. Dates from the council's papers are fixed (2025); the board's own
 * check dates and the latest news are relative to today, as the upcoming meetings are, so the
 * demo always shows one commitment falling due, one overdue and one done.
 */
type EntryStory =
  | {
      kind: "status";
      to: "in_arbeit" | "erledigt" | "nicht_erledigt" | "ueberholt";
      at: string | { daysAgo: number };
      by: "staff" | "expert";
      note: string;
      source?: string;
    }
  | { kind: "update" | "comment"; at: string | { daysAgo: number }; by: "staff" | "expert"; note: string; source?: string };

export type CommitmentStory = {
  title: string;
  promise: string;
  office: string;
  passage: string;
  dueText: string;
  /** The board's own check date, in days from today (negative: passed). */
  dueInDays: number;
  topicSlug?: string;
  entries: EntryStory[];
};

export const RECORDED_AT = "2025-02-07T09:30:00Z";
export const SOURCE_PAPER = "ST/0020/2025";
export const RECOMMENDATION = "EM/0001/2025";

export const COMMITMENTS: CommitmentStory[] = [
  {
    title: "Vorstellung einer Chatbot-Variante durch einen Softwareanbieter",
    promise:
      "Die Vorstellung einer aus Sicht der Verwaltung modernen und zugleich praxisnahen Chatbot-Variante durch einen Softwareanbieter ist in den nächsten Wochen vorgesehen.",
    office: "10-Amt für Personal und Organisation",
    passage: "Abschnitt 1. Chatbots",
    dueText: "in den nächsten Wochen",
    dueInDays: 5,
    topicSlug: "chatbot-schaengel-fuer-die-buergerkommunikation",
    entries: [
      {
        kind: "status",
        to: "in_arbeit",
        at: { daysAgo: 20 },
        by: "staff",
        note: "Der Softwareanbieter stellt seine Chatbot-Variante in der 5. Sitzung des Digitalbeirats vor; Testfragen werden im Thema gesammelt.",
        source: "Einladung zur 5. Sitzung des Digitalbeirats, TOP 2",
      },
      {
        kind: "comment",
        at: { daysAgo: 18 },
        by: "expert",
        note: "Bitte auch Fragen in Leichter Sprache und eine Anfrage außerhalb des Pilotumfangs vorbereiten – so sehen wir, ob der Bot richtig weiterverweist.",
      },
    ],
  },
  {
    title: "Teststellung der KI-Plattform vorbereiten",
    promise:
      "In dieser Kalenderwoche finden hier konkrete Abstimmungen mit dem Unternehmen zu den Voraussetzungen einer Teststellung (Testbetrieb) bei der Stadtverwaltung Koblenz statt. Die KI-Plattform hat den Fokus „Dokumente“, in Teilen „Audio & Bild-Videodateien“.",
    office: "10-Amt für Personal und Organisation",
    passage: "Abschnitt 2. Künstliche Intelligenz",
    dueText: "Abstimmungen in dieser Kalenderwoche",
    dueInDays: 60,
    topicSlug: "ki-plattform-teststellung-dokumente-audio-bild-video",
    entries: [
      {
        kind: "status",
        to: "in_arbeit",
        at: "2025-02-14T11:00:00Z",
        by: "staff",
        note: "Die Abstimmung mit dem Unternehmen zu den Voraussetzungen der Teststellung hat stattgefunden; Auftragsverarbeitung und Vertraulichkeit werden geklärt.",
        source: "Bericht der Verwaltung im Digitalbeirat",
      },
      {
        kind: "comment",
        at: "2025-02-15T08:10:00Z",
        by: "expert",
        note: "Die Erfolgskriterien gehören vor den Start – siehe unseren Entwurf zur Teststellung.",
      },
    ],
  },
  {
    title: "Weitere Online-Dienste nach dem Onlinezugangsgesetz",
    promise:
      "Im Zuge der Umsetzung des Online-Zugangsgesetzes stehen 293 Verwaltungsleistungen vollständig digital zur Verfügung. Im Laufe der nächsten Monate werden weitere Leistungen hinzukommen.",
    office: "10-Amt für Personal und Organisation",
    passage: "Einleitung (293 Verwaltungsleistungen)",
    dueText: "im Laufe der nächsten Monate",
    dueInDays: -30,
    entries: [
      {
        kind: "status",
        to: "in_arbeit",
        at: "2025-03-20T16:00:00Z",
        by: "staff",
        note: "Sachstandsbericht im Haupt- und Finanzausschuss: 293 Leistungen vollständig digital, die nächsten sind in Arbeit.",
        source: "Mitteilung MI/0041/2025, HFA 20.03.2025",
      },
      {
        kind: "status",
        to: "erledigt",
        at: { daysAgo: 40 },
        by: "staff",
        note: "Weitere Leistungen sind vollständig digital verfügbar; die Verwaltung berichtet künftig mit jeder OZG-Mitteilung (Demo-Angabe).",
        source: "Mitteilung der Verwaltung",
      },
    ],
  },
  {
    title: "Unaufgeforderter Bericht im Haupt- und Finanzausschuss",
    promise: "Die Verwaltung wird unaufgefordert im Haupt- und Finanzausschuss über die weitere Entwicklung in den Themenfeldern informieren.",
    office: "Dezernat 1",
    passage: "Beschlussempfehlung",
    dueText: "unaufgefordert",
    dueInDays: -10,
    entries: [
      {
        kind: "update",
        at: "2025-03-20T16:05:00Z",
        by: "staff",
        note: "Im HFA wurde zum Onlinezugangsgesetz berichtet; zu Chatbot und KI-Plattform steht der Bericht noch aus.",
        source: "HFA 20.03.2025",
      },
      {
        kind: "comment",
        at: { daysAgo: 9 },
        by: "expert",
        note: "Der Termin, den wir uns gesetzt haben, ist verstrichen. Bitte in der 5. Sitzung nachfragen (TOP 4).",
      },
    ],
  },
];
