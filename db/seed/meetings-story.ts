/** The board's meetings around the Koblenz case. Times are Berlin wall-clock. */
export type ItemStory = {
  number: string;
  name: string;
  description?: string;
  isPublic?: boolean;
  topicSlug?: string;
  roundTitle?: string;
  paperReference?: string;
  minutes?: string;
  result?: string;
};
export type MeetingStory = {
  name: string;
  /** "YYYY-MM-DDTHH:mm" or, for meetings still to come, days from today (next Thursday on or after). */
  start: string | { inDays: number };
  hours: number;
  state: "terminiert" | "eingeladen" | "durchgefuehrt";
  released?: string;
  attendees?: "all" | number[];
  guests?: { name: string; affiliation: string }[];
  items: ItemStory[];
};

const ROOM = { locationRoom: "Sitzungssaal, Rathaus Gebäude II", locationAddress: "Willi-Hörter-Platz 1, 56068 Koblenz" };
export const MEETING_LOCATION = ROOM;

const CHATBOT = "chatbot-schaengel-fuer-die-buergerkommunikation";
const PLATFORM = "ki-plattform-teststellung-dokumente-audio-bild-video";

export const MEETINGS: MeetingStory[] = [
  {
    name: "3. Sitzung des Digitalbeirats",
    start: "2024-11-28T17:00",
    hours: 2,
    state: "durchgefuehrt",
    released: "2024-12-05T10:00",
    attendees: [0, 1, 2, 3],
    items: [
      {
        number: "1",
        name: "Begrüßung und Genehmigung des Protokolls",
        minutes: "Das Protokoll der 2. Sitzung wird ohne Änderungen genehmigt.",
        result: "genehmigt",
      },
      {
        number: "2",
        name: "Künstliche Intelligenz in der Kommunalverwaltung",
        description:
          "Bericht der Verwaltung aus den Haushaltsberatungen am 18.11.2024: Ein führendes deutsches KI-Unternehmen sucht Pilotbehörden im kommunalen Bereich.",
        topicSlug: PLATFORM,
        minutes:
          "Die Verwaltung berichtet über den Austausch mit dem KI-Unternehmen. Der Beirat empfiehlt, für eine Teststellung zuerst den Funktionsumfang **Dokumente** zu prüfen und Audio/Video später hinzuzunehmen.",
        result: "Kenntnis genommen",
      },
      {
        number: "3",
        name: "Lagebild IT-Sicherheit der Stadtverwaltung",
        isPublic: false,
        description: "Vertraulicher Bericht zu Sicherheitsvorfällen und Schwachstellen.",
        minutes: "Bericht zu zwei abgewehrten Phishing-Kampagnen; der Beirat empfiehlt eine Übung zur Notfallkommunikation im ersten Quartal.",
        result: "Kenntnis genommen",
      },
      { number: "4", name: "Verschiedenes", minutes: "Nächste Sitzung im Januar 2025." },
    ],
  },
  {
    name: "4. Sitzung des Digitalbeirats",
    start: "2025-01-23T17:00",
    hours: 2.5,
    state: "durchgefuehrt",
    released: "2025-01-27T09:00",
    attendees: "all",
    guests: [{ name: "Markus Schneider", affiliation: "10-Amt für Personal und Organisation" }],
    items: [
      { number: "1", name: "Begrüßung und Genehmigung des Protokolls", minutes: "Das Protokoll der 3. Sitzung wird genehmigt.", result: "genehmigt" },
      {
        number: "2",
        name: "Chatbot-KI für die Bürgerkommunikation",
        description: "Beratung der Chatbot-Idee „Schängel“: Funktionsumfang, Trainingsdaten, Barrierefreiheit.",
        topicSlug: CHATBOT,
        roundTitle: "Chatbot-Anbieter 2025",
        minutes:
          "Der Beirat berät die Chatbot-KI und bewertet sie **grundsätzlich positiv**. Im Fokus stehen die Daten, mit denen die KI-Lösung trainiert werden soll: zum Start nur öffentliche, geprüfte Inhalte. Barrierefreiheit und Leichte Sprache sind von Anfang an Anforderung.",
        result: "grundsätzlich positiv bewertet",
      },
      {
        number: "3",
        name: "Antrag AT/0014/2025 der AfD-Ratsfraktion",
        description: "Die Verwaltung bereitet ihre Stellungnahme für den Stadtrat am 06.02.2025 vor und bittet um die Einschätzung des Beirats.",
        paperReference: "AT/0014/2025",
        minutes: "Der Beirat nimmt den Antrag zur Kenntnis. Die Verwaltung nimmt die Bewertung aus TOP 2 in ihre Stellungnahme auf.",
        result: "Kenntnis genommen",
      },
      {
        number: "4",
        name: "Teststellung KI-Plattform: Vertragsfragen",
        isPublic: false,
        description: "Vertrauliche Vorabstimmung zu Auftragsverarbeitung und Haftung.",
        topicSlug: PLATFORM,
        minutes: "Die Verwaltung klärt die Auftragsverarbeitung mit dem Anbieter; der Beirat prüft die technischen und organisatorischen Maßnahmen.",
        result: "Prüfauftrag",
      },
    ],
  },
  {
    name: "5. Sitzung des Digitalbeirats",
    start: { inDays: 14 },
    hours: 2.5,
    state: "eingeladen",
    items: [
      { number: "1", name: "Begrüßung und Genehmigung des Protokolls" },
      {
        number: "2",
        name: "Vorstellung einer Chatbot-Lösung durch einen Softwareanbieter",
        description: "Ein Softwareanbieter stellt eine moderne und zugleich praxisnahe Chatbot-Variante vor. Bitte Testfragen im Thema sammeln.",
        topicSlug: CHATBOT,
        roundTitle: "Chatbot-Anbieter 2025",
        paperReference: "ST/0020/2025",
      },
      {
        number: "3",
        name: "Teststellung der KI-Plattform: Dokumente, Audio, Bild/Video",
        description: "Sachstand der Abstimmungen zu den Voraussetzungen einer Teststellung (Testbetrieb) bei der Stadtverwaltung.",
        topicSlug: PLATFORM,
        roundTitle: "KI-Plattform für die Teststellung",
      },
      {
        number: "3.1",
        name: "Angebote und Preise der Anbieter",
        isPublic: false,
        description: "Vertrauliche Angebotsunterlagen; nur für Beiratsmitglieder.",
        paperReference: "BV/0087/2025",
      },
      { number: "4", name: "Bericht an den Haupt- und Finanzausschuss vorbereiten", paperReference: "ST/0020/2025" },
      { number: "5", name: "Verschiedenes" },
    ],
  },
  {
    name: "6. Sitzung des Digitalbeirats",
    start: { inDays: 70 },
    hours: 2,
    state: "terminiert",
    items: [{ number: "1", name: "Onlinezugangsgesetz: die nächsten Leistungen", paperReference: "MI/0041/2025" }],
  },
];
