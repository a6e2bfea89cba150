/**
 * The board's discussions from the Koblenz story (ST/0020/2025): who said what, when.
 * Authors are keys of the demo people; times are Europe/Berlin wall-clock in winter (UTC+1).
 */
export type Speaker = "anna" | "jonas" | "leyla" | "stefan" | "miriam" | "staff" | "council";

export type StoryComment = {
  by: Speaker;
  at: string;
  body: string;
  /** Earlier versions, oldest first: the comment was edited. */
  earlier?: Array<{ at: string; body: string }>;
  deletedAt?: string;
  replies?: StoryComment[];
};

export type StoryTopic = {
  title: string;
  field: string;
  by: Speaker;
  at: string;
  visibility: "internal" | "public";
  status: "open" | "closed";
  body: string;
  comments: StoryComment[];
};

export const FIELDS = ["KI", "IT-Sicherheit", "Digitalisierung/OZG", "Infrastruktur", "Sonstiges"];

export const STORY: StoryTopic[] = [
  {
    title: "Chatbot „Schängel“ für die Bürgerkommunikation",
    field: "KI",
    by: "staff",
    at: "2025-01-13T10:00",
    visibility: "internal",
    status: "open",
    body: `Die Verwaltung möchte die Bürgerkommunikation entlasten: Ein Chatbot **„Schängel“** soll rund um die Uhr häufige Fragen beantworten – Öffnungszeiten, Termine im Bürgerbüro, Unterlagen für den Personalausweis, Abfuhrtermine – und bei Bedarf an die zuständige Stelle weiterleiten.

Fragen an den Beirat:

- Mit welchen Daten soll eine KI-Lösung trainiert bzw. gespeist werden (Inhalte von koblenz.de, Leistungsbeschreibungen, anonymisierte Anfragen aus dem Bürgertelefon)?
- Welcher Funktionsumfang ist für den Start sinnvoll?
- Wie sichern wir Datenschutz und Barrierefreiheit?

Ein Softwareanbieter wird in den nächsten Wochen eine praxisnahe Chatbot-Variante vorstellen.`,
    comments: [
      {
        by: "anna",
        at: "2025-01-14T09:12",
        body: `Grundsätzlich positiv. Entscheidend ist die Datengrundlage: Die Leistungsbeschreibungen sind gepflegt und strukturiert. Damit lässt sich der Chatbot per *Retrieval* an geprüfte Inhalte binden, statt ein Sprachmodell frei antworten zu lassen.

Anfragen aus dem Bürgertelefon würde ich erst nach sauberer Anonymisierung nutzen.`,
        replies: [
          {
            by: "miriam",
            at: "2025-01-14T11:40",
            body: "Zustimmung. Für die Telefonnotizen brauchen wir vorher eine Datenschutz-Folgenabschätzung; personenbezogene Daten dürfen nicht im Trainingsbestand landen. Außerdem sollte der Chatbot klar sagen, dass er ein Chatbot ist, und keine Auskünfte im Einzelfall geben.",
          },
          {
            by: "staff",
            at: "2025-01-15T08:30",
            body: "Die Folgenabschätzung stimmen wir mit dem Datenschutzbeauftragten ab. Für den Start planen wir ausschließlich mit öffentlichen Inhalten von koblenz.de und den Leistungsbeschreibungen.",
          },
        ],
      },
      {
        by: "leyla",
        at: "2025-01-15T19:05",
        earlier: [
          {
            at: "2025-01-15T19:05",
            body: "Bitte von Anfang an Barrierefreiheit mitdenken: Bedienung per Tastatur und Screenreader, Antworten in Leichter Sprache als Option.",
          },
        ],
        body: "Bitte von Anfang an Barrierefreiheit mitdenken: Bedienung per Tastatur und Screenreader, Antworten in Leichter Sprache als Option und mehrsprachige Antworten (mindestens Englisch, Türkisch, Arabisch und Ukrainisch). Das wäre ein echter Mehrwert gegenüber der heutigen Webseite.",
      },
      {
        by: "jonas",
        at: "2025-01-16T13:22",
        body: `Aus Sicht der IT-Sicherheit vor dem Start:

1. Prompt-Injection und Datenabfluss testen, bevor der Chatbot öffentlich geht.
2. Hosting in Deutschland bzw. der EU, Protokolle ohne Klarnamen.
3. Ein Abschaltkonzept, falls er Unsinn erzählt.`,
        replies: [
          {
            by: "stefan",
            at: "2025-01-16T17:48",
            body: "Hosting könnten wir im kommunalen Rechenzentrum anbieten; für ein kleineres Modell reichen zwei GPU-Server. Für den Pilot ist eine gehostete Lösung eines deutschen Anbieters aber schneller.",
          },
        ],
      },
      {
        by: "staff",
        at: "2025-01-28T15:10",
        body: "Kurzer Stand: Der Beirat bewertet die Chatbot-KI **grundsätzlich positiv** – so nehmen wir es in die Stellungnahme zum Antrag AT/0014/2025 auf. Ein Softwareanbieter stellt uns in den nächsten Wochen eine praxisnahe Chatbot-Variante vor; der Termin folgt, der Beirat ist eingeladen.",
        replies: [
          {
            by: "anna",
            at: "2025-01-28T18:02",
            body: "Danke! Für die Vorstellung schlage ich vor, dass wir vorab Testfragen sammeln – gern hier im Thema – und die Antworten des Chatbots dann gemeinsam bewerten.",
          },
          {
            by: "leyla",
            at: "2025-02-03T10:15",
            body: "Erste Testfragen: „Was brauche ich für einen neuen Personalausweis?“, „Wann wird in Metternich der Biomüll abgeholt?“ und dieselbe Frage in Leichter Sprache.",
          },
        ],
      },
    ],
  },
  {
    title: "KI-Plattform: Teststellung Dokumente, Audio, Bild/Video",
    field: "KI",
    by: "staff",
    at: "2025-01-20T09:00",
    visibility: "internal",
    status: "open",
    body: `Ein führendes deutsches KI-Unternehmen sucht seit Herbst 2024 Pilotbehörden im kommunalen Bereich. Die Verwaltung bereitet eine **Teststellung** (Testbetrieb) seiner KI-Plattform vor:

- Schwerpunkt „Dokumente“: Zusammenfassen, Entwürfe, Recherche in Vorlagen und Satzungen
- in Teilen „Audio & Bild-/Videodateien“, etwa die Transkription von Sitzungen

In dieser Woche laufen die Abstimmungen mit dem Unternehmen zu den Voraussetzungen. Was muss aus Sicht des Beirats geklärt sein, bevor der Testbetrieb startet?`,
    comments: [
      {
        by: "stefan",
        at: "2025-01-20T14:30",
        body: "Zu klären: Wo läuft die Plattform (bei uns oder im Rechenzentrum des Anbieters in Deutschland)? Welche Schnittstellen zum Dokumentenmanagement gibt es? Und: nur Testdaten oder echte Vorgänge?",
        replies: [
          {
            by: "staff",
            at: "2025-01-21T08:45",
            body: "Geplant ist zunächst der Betrieb beim Anbieter in Deutschland mit ausgewählten, nicht personenbezogenen Dokumenten (Vorlagen, Satzungen, Dienstanweisungen). Eine Anbindung an das Dokumentenmanagement ist erst für eine zweite Phase vorgesehen.",
          },
        ],
      },
      {
        by: "jonas",
        at: "2025-01-21T12:05",
        body: "Bitte einen Auftragsverarbeitungsvertrag nach Art. 28 DSGVO, ein Löschkonzept für die Testdaten und den ausdrücklichen Ausschluss, dass unsere Dokumente zum Training genutzt werden. Zugänge nur über das städtische Single Sign-on mit zweitem Faktor.",
      },
      {
        by: "anna",
        at: "2025-01-22T16:40",
        body: "Für die Transkription wäre ein Vergleich mit einem offenen, lokal betriebenen Modell spannend. Dann sehen wir, ob der Mehrwert der Plattform die Kosten rechtfertigt.",
        replies: [
          {
            by: "leyla",
            at: "2025-01-23T09:20",
            body: "Und bitte eine Erfolgsmessung vereinbaren: Zeitersparnis pro Vorgang, Fehlerquote, Zufriedenheit der Beschäftigten. Sonst diskutieren wir nach dem Test über Bauchgefühle.",
          },
        ],
      },
    ],
  },
  {
    title: "IT-Sicherheit in der Stadtverwaltung",
    field: "IT-Sicherheit",
    by: "jonas",
    at: "2024-12-02T11:00",
    visibility: "internal",
    status: "open",
    body: `Angriffe auf kommunale IT nehmen zu; der Ausfall bei Südwestfalen-IT 2023 hat gezeigt, wie lange eine Verwaltung dann stillsteht. Ich schlage vor, dass der Beirat mit der Verwaltung einen Überblick über Stand und Lücken erarbeitet:

- Notfallplanung und Wiederanlauf
- Backups und Patch-Management
- Schulungen der Beschäftigten
- Weg zur BSI-Basis-Absicherung nach IT-Grundschutz`,
    comments: [
      {
        by: "jonas",
        at: "2024-12-02T11:20",
        body: "Die häufigsten Sicherheitslücken, die wir bei Kommunen sehen: ungepatchte VPN-Gateways, fehlende Netzsegmentierung und Admin-Konten ohne zweiten Faktor. Ein externer Penetrationstest würde schnell zeigen, wo Koblenz steht.",
        replies: [
          {
            by: "stefan",
            at: "2024-12-03T08:05",
            body: "Wichtig sind außerdem Offline-Backups, die regelmäßig zurückgespielt werden. Ein Backup, das nie getestet wurde, ist keins.",
          },
        ],
      },
      {
        by: "leyla",
        at: "2024-12-04T20:10",
        deletedAt: "2024-12-05T07:30",
        body: "Hat jemand die Telefonnummer des CERT-rlp parat?",
        replies: [
          {
            by: "jonas",
            at: "2024-12-04T21:02",
            body: "Die Kontaktdaten des CERT-rlp gehören ins Notfallhandbuch – und zwar ausgedruckt, denn im Ernstfall ist das Intranet weg.",
          },
        ],
      },
      {
        by: "miriam",
        at: "2024-12-09T10:00",
        body: "Und die Beschäftigten nicht vergessen: Phishing-Übungen mit anschließender Schulung wirken besser als jede Dienstanweisung.",
      },
      {
        by: "staff",
        at: "2025-01-09T14:00",
        body: "Das Amt für Personal und Organisation nimmt die Hinweise in die Planung für 2025 auf; IT-Sicherheit bleibt neben KI ein Schwerpunkt der Arbeit des Digitalbeirats.",
      },
    ],
  },
  {
    title: "OZG: die nächsten Leistungen",
    field: "Digitalisierung/OZG",
    by: "staff",
    at: "2025-01-08T09:30",
    visibility: "public",
    status: "open",
    body: `Im Zuge des Online-Zugangsgesetzes stehen den Koblenzer Bürgerinnen und Bürgern bereits **293 Verwaltungsleistungen vollständig digital** zur Verfügung. In den nächsten Monaten kommen weitere hinzu.

Welche Leistungen sollten als Nächstes folgen, und wie messen wir, ob sie genutzt werden?`,
    comments: [
      {
        by: "miriam",
        at: "2025-01-09T12:15",
        body: "Aus Sicht der Bürgerinnen und Bürger: Anwohnerparkausweis, Wohnsitzanmeldung und Kfz-Zulassung sind die Anliegen mit den meisten Wegen ins Rathaus. Dort lohnt sich die Digitalisierung von Ende zu Ende am meisten.",
        replies: [
          {
            by: "staff",
            at: "2025-01-10T09:00",
            body: "Der Anwohnerparkausweis ist für das zweite Quartal geplant; für die Wohnsitzanmeldung warten wir auf die Landeslösung.",
          },
        ],
      },
      {
        by: "anna",
        at: "2025-01-12T17:30",
        body: "Hilfreich wäre eine öffentliche Übersicht mit Nutzungszahlen pro Leistung. Dann sieht man, wo digitale Angebote ankommen und wo nachgebessert werden muss.",
      },
    ],
  },
  {
    title: "Sitzungsunterlagen des Beirats digital bereitstellen",
    field: "Sonstiges",
    by: "anna",
    at: "2024-11-05T18:00",
    visibility: "internal",
    status: "closed",
    body: "Vorschlag: Einladungen, Tagesordnungen und Protokolle des Beirats künftig nur noch digital in diesem Portal statt per E-Mail-Anhang.",
    comments: [
      {
        by: "staff",
        at: "2024-11-07T10:00",
        body: "Einverstanden – ab der nächsten Sitzung stellen wir alle Unterlagen im Portal bereit. Damit ist das Thema erledigt; ich schließe es.",
      },
    ],
  },
];
