/** German building blocks for generated text; the search bench looks for COMMON and RARE. */
export const COMMON_WORD = "Verwaltung";
export const RARE_WORD = "Quantenkryptographie";

export const FIELDS = ["KI", "IT-Sicherheit", "Digitalisierung/OZG", "Datenschutz", "Infrastruktur", "Barrierefreiheit", "Open Data", "Smart City"];

export const TOPIC_TITLES = [
  "Chatbot für das Bürgerbüro",
  "KI-Plattform im Testbetrieb",
  "Passwortrichtlinie der Verwaltung",
  "Onlinezugang für Gewerbeanmeldungen",
  "Rechenzentrum und Ausfallsicherheit",
  "Barrierefreie Formulare",
  "Offene Haushaltsdaten",
  "Sensoren für die Parkraumsteuerung",
  "E-Akte im Bauamt",
  "Phishing-Übungen für Beschäftigte",
  "Schulnetz und WLAN",
  "Digitale Ratsarbeit",
];

export const SENTENCES = [
  "Die Verwaltung sollte den Betrieb zunächst in einer Teststellung prüfen.",
  "Wir brauchen eine klare Auftragsverarbeitung nach Artikel 28 DSGVO.",
  "Aus Sicht der IT-Sicherheit ist eine Zwei-Faktor-Anmeldung unverzichtbar.",
  "Die Bürgerinnen und Bürger erwarten verständliche Antworten in einfacher Sprache.",
  "Das Hosting in Deutschland ist für mich ein Ausschlusskriterium.",
  "Ich schlage vor, die Kosten über fünf Jahre zu vergleichen.",
  "Der Personalrat sollte früh eingebunden werden.",
  "Barrierefreiheit nach BITV 2.0 muss von Anfang an mitgedacht werden.",
  "Die Schnittstellen zum Fachverfahren sind noch offen.",
  "Ein Pilot im Bürgerbüro wäre ein guter erster Schritt.",
  "Die Digitalisierung der Verwaltung gelingt nur mit den Beschäftigten.",
  "Die Daten sollten als Open Data veröffentlicht werden.",
];

export const FIRST_NAMES = [
  "Anna",
  "Jonas",
  "Leyla",
  "Stefan",
  "Miriam",
  "Lukas",
  "Sophie",
  "Mehmet",
  "Julia",
  "Tobias",
  "Katharina",
  "Felix",
  "Hannah",
  "David",
  "Lea",
  "Paul",
];
export const LAST_NAMES = [
  "Keller",
  "Wagner",
  "Özdemir",
  "Hoffmann",
  "Schulz",
  "Becker",
  "Fischer",
  "Weber",
  "Meyer",
  "Schmitt",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Neumann",
  "Braun",
];
