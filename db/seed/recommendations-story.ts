/** Demo story of the recommendations: the published Schängel pilot and the AI platform draft in progress. */

const CHATBOT_V1 = `Der Digitalbeirat empfiehlt, den Chatbot zunächst für die fünf häufigsten Bürgeranfragen zu pilotieren, bevor er für weitere Themen geöffnet wird.

## Begründung

Der Beirat hat den Antrag AT/0014/2025 beraten und eine Chatbot-KI grundsätzlich positiv bewertet. In der Bewertungsrunde „Chatbot-Anbieter 2025“ hat er drei Angebote nach Datenschutz, Hosting, Barrierefreiheit, Integration ins Bürgerportal, Antwortqualität und Kosten verglichen.

## Empfehlungen im Einzelnen

1. **Pilot mit klarem Umfang:** Der Chatbot beantwortet zunächst die häufigsten Anfragen an Bürgertelefon und Bürgerbüro und verweist für alles Weitere an die zuständige Stelle.
2. **Geprüfte Inhalte statt freier Antworten:** Antworten stützen sich ausschließlich auf die gepflegten Leistungsbeschreibungen und die Inhalte von koblenz.de und nennen ihre Quelle.
3. **Datenschutz und Hosting:** Betrieb in einem Rechenzentrum in Deutschland, Auftragsverarbeitungsvertrag nach Art. 28 DSGVO, keine Nutzung der Eingaben zum Training eines Modells.
4. **Auswertung:** Nach sechs Monaten berichtet die Verwaltung über Nutzung, Qualität der Antworten und Entlastung; erst danach wird über eine Ausweitung entschieden.
`;

const CHATBOT_V2 = `Der Digitalbeirat empfiehlt, den Chatbot zunächst für die zehn häufigsten Bürgeranfragen zu pilotieren, bevor er für weitere Themen geöffnet wird.

## Begründung

Der Beirat hat den Antrag AT/0014/2025 beraten und eine Chatbot-KI grundsätzlich positiv bewertet. In der Bewertungsrunde „Chatbot-Anbieter 2025“ hat er drei Angebote nach Datenschutz, Hosting, Barrierefreiheit, Integration ins Bürgerportal, Antwortqualität und Kosten verglichen. Ein eng begrenzter Pilot zeigt mit geringem Risiko, ob der Chatbot Bürgertelefon und Bürgerbüro tatsächlich entlastet.

## Empfehlungen im Einzelnen

1. **Pilot mit klarem Umfang:** Der Chatbot beantwortet zunächst die zehn häufigsten Anfragen an Bürgertelefon und Bürgerbüro – unter anderem Terminvereinbarung, Personalausweis und Reisepass, Ummeldung, Abfuhrtermine und Kfz-Zulassung – und verweist für alles Weitere an die zuständige Stelle.
2. **Geprüfte Inhalte statt freier Antworten:** Antworten stützen sich ausschließlich auf die gepflegten Leistungsbeschreibungen und die Inhalte von koblenz.de und nennen ihre Quelle. Anonymisierte Anfragen aus dem Bürgertelefon werden erst nach einer Datenschutz-Folgenabschätzung genutzt.
3. **Datenschutz und Hosting:** Betrieb in einem Rechenzentrum in Deutschland, Auftragsverarbeitungsvertrag nach Art. 28 DSGVO, keine Nutzung der Eingaben zum Training eines Modells.
4. **Barrierefreiheit und Transparenz:** Der Chatbot erfüllt die BITV 2.0, ist mit Tastatur und Screenreader bedienbar, bietet Antworten in Leichter Sprache an und gibt sich jederzeit als Chatbot zu erkennen. Er gibt keine Auskünfte im Einzelfall.
5. **Verbindung zu den Online-Diensten:** Wo eine der 293 bereits digital angebotenen Verwaltungsleistungen passt, führt der Chatbot direkt zum Online-Dienst.
6. **Auswertung:** Nach sechs Monaten berichtet die Verwaltung im Haupt- und Finanzausschuss über Nutzung, Qualität der Antworten und Entlastung; erst danach wird über eine Ausweitung entschieden.

Zu einer Kooperation mit einem bestimmten KI-Unternehmen spricht der Beirat keine Empfehlung aus. Die von der Verwaltung vorbereitete Teststellung einer KI-Plattform bewertet er gesondert.
`;

export const PUBLISHED = {
  title: "Chatbot „Schängel“: zunächst als Pilot für die zehn häufigsten Bürgeranfragen",
  summary:
    "Der Digitalbeirat empfiehlt, den Chatbot „Schängel“ zunächst für die zehn häufigsten Bürgeranfragen zu pilotieren, ihn an geprüfte Inhalte der Stadt zu binden und nach sechs Monaten im Haupt- und Finanzausschuss auszuwerten.",
  versions: [
    { by: 0, at: "2025-01-31T17:30:00Z", body: CHATBOT_V1 },
    { by: 2, at: "2025-02-01T10:15:00Z", body: CHATBOT_V2 },
  ],
  coauthors: [2],
  papers: ["AT/0014/2025", "ST/0020/2025"],
  topicSlugs: ["chatbot-schaengel-fuer-die-buergerkommunikation"],
  roundTitles: ["Chatbot-Anbieter 2025"],
  vote: {
    opened: "2025-02-01T11:00:00Z",
    deadline: "2025-02-03T17:00:00Z",
    closed: "2025-02-03T17:05:00Z",
    // people.experts order: Anna Keller, Jonas Wagner, Leyla Özdemir, Stefan Hoffmann, Miriam Schulz
    choices: [
      { expert: 0, choice: "ja" },
      { expert: 1, choice: "enthaltung" },
      { expert: 2, choice: "ja" },
      { expert: 3, choice: "befangen", reason: "Mein Arbeitgeber, das Rechenzentrum Rhein-Mosel, betreibt die Plattform eines der bewerteten Anbieter." },
      { expert: 4, choice: "ja" },
    ],
  },
  published: "2025-02-04T08:30:00Z",
  comments: [
    {
      by: 4,
      at: "2025-02-01T09:05:00Z",
      version: 1,
      body: "Bitte Barrierefreiheit als eigenen Punkt aufnehmen: BITV 2.0, Leichte Sprache, und der Chatbot muss sich als Chatbot zu erkennen geben.",
    },
    {
      by: 1,
      at: "2025-02-01T12:40:00Z",
      version: 2,
      body: "Inhaltlich einverstanden. Ich enthalte mich, bis das IT-Sicherheitskonzept des Anbieters vorliegt – Prompt-Injection und Protokollierung müssen vor dem Start geprüft sein.",
    },
  ],
} as const;

const PLATFORM_V1 = `Der Digitalbeirat empfiehlt, die Teststellung der KI-Plattform mit vorab festgelegten Erfolgskriterien zu begleiten.

- Getestet wird zunächst nur der Bereich „Dokumente“ mit nicht personenbezogenen Unterlagen.
- Die Verwaltung legt vor dem Start fest, woran ein Erfolg gemessen wird.
`;

const PLATFORM_V2 = `Der Digitalbeirat empfiehlt, die Teststellung der KI-Plattform (Dokumente, teilweise Audio sowie Bild und Video) mit vorab festgelegten, messbaren Erfolgskriterien zu begleiten und den Beirat an der Auswertung zu beteiligen.

- Getestet wird zunächst nur der Bereich „Dokumente“ mit nicht personenbezogenen Unterlagen, etwa Satzungen, Dienstanweisungen und öffentliche Sitzungsunterlagen.
- Audio sowie Bild und Video folgen erst nach einer Datenschutz-Folgenabschätzung; Mitschnitte nichtöffentlicher Sitzungen sind ausgeschlossen.
- Vor dem Start legt die Verwaltung fest, woran ein Erfolg gemessen wird: Zeitersparnis je Vorgang, Fehlerquote der Zusammenfassungen, Zufriedenheit der Beschäftigten.
- Daten verlassen die Stadt nicht zum Training; das Modell muss austauschbar sein.

*Offen:* Dauer der Teststellung und Zahl der beteiligten Ämter.
`;

export const DRAFT = {
  title: "KI-Plattform: Teststellung mit messbaren Erfolgskriterien begleiten",
  summary:
    "Entwurf: Die Teststellung der KI-Plattform soll mit vorab festgelegten Erfolgskriterien und zunächst nur mit nicht personenbezogenen Dokumenten laufen.",
  versions: [
    { by: 2, at: "2025-02-10T08:45:00Z", body: PLATFORM_V1 },
    { by: 1, at: "2025-02-11T16:20:00Z", body: PLATFORM_V2 },
  ],
  coauthors: [1],
  papers: ["ST/0020/2025"],
  topicSlugs: ["ki-plattform-teststellung-dokumente-audio-bild-video"],
  roundTitles: ["KI-Plattform für die Teststellung"],
  /** Decided at the next board meeting. */
  meetingName: "5. Sitzung des Digitalbeirats",
  comments: [
    {
      by: 4,
      at: "2025-02-11T18:02:00Z",
      version: 2,
      body: "Gut, dass Mitschnitte nichtöffentlicher Sitzungen ausgeschlossen sind. Für die Personalrats-Beteiligung sollten wir einen Satz ergänzen.",
    },
    { by: 0, at: "2025-02-12T07:55:00Z", version: 2, body: "Vorschlag für die Dauer: drei Monate mit zwei Ämtern, danach Zwischenbericht an den Beirat." },
  ],
} as const;
