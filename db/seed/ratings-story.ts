/** Demo story of the rating rounds: the Schängel vendor evaluation and the AI platform test run. */

import type { ProposalFacts } from "../../app/ratings/proposal";

type Cell = [number | null, string];
export type RoundStory = {
  title: string;
  description: string;
  topicSlug: string;
  method: "mean" | "median";
  dates?: { created: string; opened: string; closes: string };
  criteria: Array<{ title: string; weight: number; scaleDescription: string }>;
  knockouts: Array<{ title: string; description: string }>;
  proposals: Array<
    ProposalFacts & {
      title: string;
      vendor: string;
      summary: string;
      /** One row per demo expert (people.experts order): [score, reason] per criterion, or "recused". */
      scores: Array<Cell[] | "recused">;
    }
  >;
  recusals: Array<{ proposal: number; expert: number; reason: string }>;
};

const plain = (...scores: Array<number | null>): Cell[] => scores.map((s) => [s, ""]);
const withReasons = (cells: Array<number | null | Cell>): Cell[] => cells.map((c) => (Array.isArray(c) ? c : [c, ""]));

export const CHATBOT_ROUND: RoundStory = {
  title: "Chatbot-Anbieter 2025",
  description:
    "Nutzwertanalyse der drei Angebote für den Chatbot „Schängel“ (Antrag AT/0014/2025). Der Beirat bewertet die Angebote unabhängig voneinander; das Ergebnis fließt in die Stellungnahme der Verwaltung (ST/0020/2025) und den Bericht an den Haupt- und Finanzausschuss ein.\n\nBewertet werden nur Angebote, die einen Auftragsverarbeitungsvertrag nach Art. 28 DSGVO anbieten.",
  topicSlug: "chatbot-schaengel-fuer-die-buergerkommunikation",
  method: "median",
  dates: { created: "2025-01-08T09:00:00Z", opened: "2025-01-13T08:00:00Z", closes: "2025-01-31T16:00:00Z" },
  criteria: [
    {
      title: "Datenschutz und DSGVO",
      weight: 25,
      scaleDescription:
        "0 = personenbezogene Daten verlassen die EU, kein AVV\n5 = AVV vorhanden, Löschkonzept lückenhaft\n10 = Datensparsamkeit nachgewiesen, Löschfristen konfigurierbar, DSFA-Vorlage",
    },
    {
      title: "Hosting in Deutschland",
      weight: 15,
      scaleDescription: "0 = Drittland\n5 = EU-Rechenzentrum eines US-Anbieters\n10 = deutsches Rechenzentrum, deutscher Betreiber",
    },
    {
      title: "Barrierefreiheit",
      weight: 15,
      scaleDescription: "0 = nicht bedienbar mit Tastatur/Screenreader\n5 = Herstellerangabe WCAG 2.1 AA\n10 = BITV-2.0-Prüfbericht, Leichte Sprache",
    },
    {
      title: "Integration ins Bürgerportal",
      weight: 15,
      scaleDescription: "0 = Insellösung\n5 = Verlinkung auf OZG-Leistungen\n10 = Übergabe an Online-Dienste mit Kontext, Schnittstelle zum Bürgerkonto",
    },
    {
      title: "Antwortqualität und Trainingsdaten",
      weight: 20,
      scaleDescription:
        "0 = erfundene Auskünfte im Test\n5 = meist korrekt, Quellen fehlen\n10 = korrekte Auskünfte mit Quelle, nachvollziehbare Trainingsdaten",
    },
    {
      title: "Kosten",
      weight: 10,
      scaleDescription: "0 = über 80.000 € pro Jahr\n5 = etwa 40.000 € pro Jahr\n10 = unter 15.000 € pro Jahr (Gesamtkosten über vier Jahre)",
    },
  ],
  knockouts: [{ title: "AVV nach Art. 28 DSGVO", description: "Der Anbieter schließt einen Auftragsverarbeitungsvertrag mit der Stadt." }],
  proposals: [
    {
      title: "Schängel-Assistent",
      vendor: "Rheinland Dialog GmbH",
      summary:
        "Chatbot auf Basis eines europäischen Sprachmodells, betrieben in Köln. Antworten werden aus den Leistungsbeschreibungen der Stadt erzeugt und **immer mit Quelle** verlinkt.\n\n- Übergabe an die 293 OZG-Leistungen mit vorausgefülltem Kontext\n- Redaktionsoberfläche für das Amt 10",
      hostingLocation: "Köln (eigenes Rechenzentrum)",
      avvAvailable: true,
      bsiC5: true,
      iso27001: true,
      accessibility: "BITV-2.0-Prüfbericht vom November 2024",
      priceModel: "38.000 € pro Jahr, Einrichtung 12.000 €",
      referenceCustomers: "Bundesstadt Bonn (Pilot), Kreis Neuwied",
      scores: [
        withReasons([
          [8, "AVV und Löschkonzept liegen vor; DSFA-Vorlage fehlt noch."],
          [9, "Betrieb im eigenen Rechenzentrum in Köln, kein US-Unterauftragnehmer."],
          7,
          7,
          8,
          6,
        ]),
        withReasons([
          [9, "Datensparsam: keine Speicherung der Chatverläufe über 30 Tage, Protokollierung abschaltbar."],
          [9, "Deutscher Betreiber, C5-Testat liegt vor."],
          6,
          7,
          7,
          5,
        ]),
        withReasons([8, 8, [9, "Prüfbericht nach BITV 2.0 liegt vor, Test mit Screenreader bestanden."], 6, 8, 6]),
        withReasons([7, [9, "Rechenzentrum in Köln, Notfallbetrieb in Frankfurt."], 7, 8, 7, 6]),
        withReasons([[9, "Bestes Löschkonzept der drei Angebote."], 8, 7, 7, 7, 5]),
      ],
    },
    {
      title: "KommunalBot Cloud",
      vendor: "KommunalBot AG",
      summary:
        "Fertige Cloud-Lösung, die bereits in vielen Kommunen läuft. Starke Anbindung an Bürgerportale, Sprachmodell eines US-Anbieters in der EU-Region.",
      hostingLocation: "Frankfurt am Main (EU-Region eines US-Cloud-Anbieters)",
      avvAvailable: true,
      bsiC5: true,
      iso27001: true,
      accessibility: "WCAG 2.1 AA laut Herstellerangabe, kein Prüfbericht",
      priceModel: "0,12 € je Einwohnerin und Einwohner pro Jahr (rund 13.600 €)",
      referenceCustomers: "Landkreis Mayen-Koblenz, 14 Verbandsgemeinden",
      scores: [
        withReasons([6, 5, 5, [9, "Fertige Anbindung an das Bürgerportal, Übergabe an Online-Dienste mit Kontext."], 8, 8]),
        withReasons([[1, "Sprachmodell eines US-Konzerns als Unterauftragnehmer: CLOUD-Act-Zugriff nicht ausgeschlossen."], 4, 5, 8, 7, 8]),
        withReasons([
          8,
          5,
          4,
          [9, "Bereits in 14 Verbandsgemeinden mit dem gleichen Portal im Einsatz."],
          [9, "Im Test alle 20 Fragen korrekt und mit Quelle beantwortet."],
          7,
        ]),
        withReasons([5, 5, 5, 8, 8, 8]),
        withReasons([3, 4, 5, 8, 7, [9, "Mit Abstand günstigstes Angebot über vier Jahre."]]),
      ],
    },
    {
      title: "Moselbyte Bürgerchat",
      vendor: "Moselbyte Software",
      summary: "Regionale Lösung, betrieben im Rechenzentrum Rhein-Mosel. Regelbasiert mit optionalem Sprachmodell; Quellcode wird der Stadt übergeben.",
      hostingLocation: "Koblenz (Rechenzentrum Rhein-Mosel)",
      avvAvailable: true,
      bsiC5: false,
      iso27001: false,
      accessibility: "teilweise barrierefrei, Nachbesserung bis Mitte 2025 zugesagt",
      priceModel: "einmalig 45.000 €, Wartung 8.000 € pro Jahr",
      referenceCustomers: "Verbandsgemeinde Vallendar",
      scores: [
        withReasons([7, [10, "Betrieb in Koblenz, Quellcode geht an die Stadt."], 3, 5, 4, 6]),
        withReasons([6, [10, "Regionales Rechenzentrum, keine Abhängigkeit von Hyperscalern."], 3, 4, 5, 6]),
        withReasons([7, [9, "Daten bleiben in der Region."], [2, "Chatfenster ist mit der Tastatur nicht erreichbar; kein Prüfbericht."], 5, 4, 5]),
        "recused",
        withReasons([8, [10, "Hosting in Koblenz."], [2, "Kontraste und Screenreader-Ausgabe ungenügend."], 6, 3, 7]),
      ],
    },
  ],
  recusals: [{ proposal: 2, expert: 3, reason: "Mein Arbeitgeber, das Rechenzentrum Rhein-Mosel, betreibt die Plattform des Anbieters." }],
};

export const PLATFORM_ROUND: RoundStory = {
  title: "KI-Plattform für die Teststellung",
  description:
    "Die Verwaltung bereitet eine Teststellung für eine KI-Plattform vor (Dokumente, teilweise Audio sowie Bild und Video), wie in der Stellungnahme ST/0020/2025 angekündigt. Der Beirat bewertet die drei Angebote vor der Auswahl.",
  topicSlug: "ki-plattform-teststellung-dokumente-audio-bild-video",
  method: "mean",
  criteria: [
    {
      title: "Datenschutz und Souveränität",
      weight: 30,
      scaleDescription: "0 = Daten verlassen die EU\n10 = Betrieb in Deutschland, Modelle austauschbar, keine Nutzung der Daten zum Training",
    },
    { title: "Dokumentenverarbeitung", weight: 30, scaleDescription: "0 = nur reiner Text\n10 = gescannte Akten, Tabellen und Formulare zuverlässig erkannt" },
    {
      title: "Audio, Bild und Video",
      weight: 20,
      scaleDescription: "0 = nicht unterstützt\n10 = Transkription von Sitzungen, Bildbeschreibung, Videozusammenfassung",
    },
    { title: "Betrieb und Kosten", weight: 20, scaleDescription: "0 = nicht kalkulierbar\n10 = feste Kosten, Betrieb durch die städtische IT möglich" },
  ],
  knockouts: [],
  proposals: [
    {
      title: "Souveräne KI-Plattform",
      vendor: "RheinData GmbH",
      summary: "Plattform mit austauschbaren europäischen Sprachmodellen, Betrieb im Rechenzentrum der Stadt möglich.",
      hostingLocation: "Koblenz oder Frankfurt am Main",
      avvAvailable: true,
      bsiC5: true,
      iso27001: true,
      accessibility: "WCAG 2.1 AA (Prüfbericht angekündigt)",
      priceModel: "Teststellung kostenfrei, danach 52.000 € pro Jahr",
      referenceCustomers: "Stadt Mainz",
      scores: [plain(8, 7, 5, null), plain(8, 7, 6, 6), [], [], []],
    },
    {
      title: "DokuMind Verwaltung",
      vendor: "Vallendar Analytics GmbH",
      summary: "Spezialisiert auf gescannte Akten und Formulare; Audio und Video nur über Partnerdienste.",
      hostingLocation: "Nürnberg",
      avvAvailable: true,
      bsiC5: false,
      iso27001: true,
      accessibility: "keine Angabe",
      priceModel: "nach Seitenzahl, ca. 0,02 € je Seite",
      referenceCustomers: "zwei Landesbehörden",
      scores: [
        withReasons([6, [9, "Sehr gute Erkennung gescannter Bauakten im Test."], 4, null]),
        withReasons([6, [9, "Erkennt im Test auch handschriftliche Randnotizen."], 4, 7]),
        [],
        [],
        [],
      ],
    },
    {
      title: "Multimodal Suite",
      vendor: "Aurora Cloud Services",
      summary: "Breites Funktionspaket für Text, Audio, Bild und Video aus einer Hand; Betrieb in der EU-Region eines US-Anbieters.",
      hostingLocation: "Amsterdam (EU-Region)",
      avvAvailable: true,
      bsiC5: true,
      iso27001: true,
      accessibility: "WCAG 2.1 AA laut Hersteller",
      priceModel: "nutzungsabhängig, Schätzung 60.000–90.000 € pro Jahr",
      referenceCustomers: "keine im kommunalen Bereich",
      scores: [
        plain(4, null, null, null),
        withReasons([
          [2, "US-Anbieter, Modelle nicht austauschbar; CLOUD-Act-Risiko."],
          7,
          [9, "Einziges Angebot mit Transkription und Videozusammenfassung."],
          3,
        ]),
        [],
        [],
        [],
      ],
    },
  ],
  recusals: [],
};
