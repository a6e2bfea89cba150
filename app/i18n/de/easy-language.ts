import type { Operator } from "./legal";

/**
 * The portal in Leichte Sprache (BITV 2.0 § 4), written after the rules of the Netzwerk
 * Leichte Sprache: short sentences, one statement per line, no abbreviations, hard words
 * explained where they first appear, long words split with a hyphen (Digital-Beirat).
 */
export type EasySection = { heading: string; lines: string[]; links?: Array<{ to: string; label: string }> };

export const easyLanguage = {
  title: "Leichte Sprache",
  intro: ["Auf dieser Seite erklären wir das Portal in Leichter Sprache.", "Sie können diese Seite auch ausdrucken."],
  sections: (op: Operator, offers: { signLanguageVideo: boolean }): EasySection[] => [
    {
      heading: "Was ist der Digital-Beirat?",
      lines: [
        "Die Stadt hat einen Digital-Beirat.",
        "Digital bedeutet: mit Computern und mit dem Internet.",
        "Ein Beirat ist eine Gruppe von Fach-Leuten.",
        "Fach-Leute wissen viel über ein Thema.",
        "Der Digital-Beirat berät die Stadt.",
        "Beraten bedeutet: Der Beirat gibt der Stadt Tipps.",
        "Ein Beispiel:",
        "Soll die Stadt einen Chat-Bot benutzen?",
        "Ein Chat-Bot ist ein Computer-Programm.",
        "Sie schreiben dem Chat-Bot eine Frage.",
        "Der Chat-Bot schreibt Ihnen eine Antwort.",
      ],
    },
    {
      heading: "Was ist dieses Portal?",
      lines: [
        "Dieses Portal ist eine Internet-Seite.",
        "Auf dem Portal arbeitet der Digital-Beirat.",
        "Die Mitglieder vom Beirat sprechen hier über Themen.",
        "Die Mitglieder geben Noten für Vorschläge.",
        "Die Mitglieder stimmen über Empfehlungen ab.",
        "Eine Empfehlung ist ein Rat an die Stadt.",
        "Jeder Mensch kann einen Teil vom Portal lesen.",
        "Dafür müssen Sie sich nicht anmelden.",
        "Andere Teile sind nur für die Mitglieder.",
      ],
    },
    {
      heading: "Was finden Sie wo?",
      lines: [
        "Oben auf jeder Seite ist ein Menü.",
        "Ein Menü ist eine Liste mit Links.",
        "Ein Link ist ein Wort zum Anklicken.",
        "Sie klicken auf den Link.",
        "Dann kommen Sie auf eine andere Seite.",
        "Das steht im Menü:",
        "Übersicht: Das ist die Start-Seite.",
        "Hier sehen Sie das Neueste.",
        "Themen: Hier sprechen die Mitglieder über Themen.",
        "Sitzungen: Eine Sitzung ist ein Treffen vom Beirat.",
        "Dort steht:",
        "Wann ist das Treffen?",
        "Wo ist das Treffen?",
        "Worüber spricht der Beirat?",
        "Vorlagen: Eine Vorlage ist ein Text für den Stadt-Rat.",
        "Der Stadt-Rat entscheidet über wichtige Dinge in der Stadt.",
        "Empfehlungen: Hier stehen die Ratschläge vom Beirat an die Stadt.",
        "Suche: Hier schreiben Sie ein Wort.",
        "Dann zeigt Ihnen das Portal alle Seiten mit diesem Wort.",
      ],
    },
    {
      heading: "So benutzen Sie das Portal",
      lines: [
        "Ganz oben auf jeder Seite steht der Link: Leichte Sprache.",
        "Damit kommen Sie immer wieder auf diese Seite.",
        "Ganz unten auf jeder Seite stehen auch Links.",
        "Zum Beispiel der Link: Impressum.",
        "Im Impressum steht: Wer ist für das Portal verantwortlich?",
        "Sie können das Portal auch mit der Tastatur benutzen.",
        "Drücken Sie die Tab-Taste.",
        "Dann springen Sie zum nächsten Link.",
        "Drücken Sie die Enter-Taste.",
        "Dann öffnen Sie den Link.",
        "Sie möchten die Schrift größer machen?",
        "Dann halten Sie die Taste Steuerung gedrückt.",
        "Und drücken Sie die Plus-Taste.",
      ],
    },
    {
      heading: "Anmelden",
      lines: [
        "Die Mitglieder vom Beirat können sich anmelden.",
        "Anmelden bedeutet: Sie schreiben Ihre E-Mail-Adresse und Ihr Passwort.",
        "Ein Passwort ist ein geheimes Wort.",
        "Nur Mitglieder bekommen eine Einladung für das Portal.",
        "Mit der Einladung machen die Mitglieder ein Passwort.",
      ],
    },
    {
      heading: "Ihre Daten",
      lines: [
        "Sie lesen nur und melden sich nicht an?",
        "Dann speichert das Portal nichts über Sie.",
        "Das Portal benutzt keine Dienste von anderen Firmen.",
        "Das Portal löscht alte Daten nach einer festen Zeit.",
        "Mehr dazu steht auf der Seite: Datenschutz.",
        "Diese Seite ist in schwerer Sprache.",
      ],
      links: [{ to: "/datenschutz", label: "Zur Seite Datenschutz" }],
    },
    {
      heading: "Ist das Portal barriere-frei?",
      lines: [
        "Barriere-frei bedeutet: Alle Menschen können das Portal benutzen.",
        "Auch Menschen mit Behinderung.",
        "Die Stadt prüft das Portal bei jeder Änderung.",
        "Das Ergebnis: Fast alle Teile vom Portal sind barriere-frei.",
        "Manche Texte schreiben die Mitglieder selbst.",
        "Diese Texte sind manchmal schwer zu lesen.",
        "Manche Dateien kommen von anderen Firmen.",
        "Diese Dateien sind manchmal nicht barriere-frei.",
        ...(offers.signLanguageVideo
          ? ["Es gibt ein Video in Deutscher Gebärden-Sprache.", "Das Video finden Sie auf der Seite: Gebärden-Sprache."]
          : ["Ein Video in Deutscher Gebärden-Sprache gibt es noch nicht."]),
        "Das alles steht auf der Seite: Erklärung zur Barriere-Freiheit.",
        "Diese Seite ist in schwerer Sprache.",
      ],
      links: [
        { to: "/barrierefreiheit", label: "Zur Erklärung zur Barriere-Freiheit" },
        { to: "/gebaerdensprache", label: "Zur Seite Gebärden-Sprache" },
      ],
    },
    {
      heading: "Haben Sie ein Problem mit dem Portal?",
      lines: [
        "Dann sagen Sie es uns.",
        `Schreiben Sie eine E-Mail an: ${op.email}`,
        `Oder rufen Sie an: ${op.phone}`,
        `Oder schreiben Sie einen Brief an: ${op.name}, ${op.address}`,
        "Wir antworten in 2 Wochen.",
        "Sie bekommen keine Antwort?",
        "Oder die Antwort hilft Ihnen nicht?",
        "Dann können Sie sich beschweren.",
        "Die Stelle für Beschwerden heißt: Durchsetzungs-Stelle.",
        "Die Durchsetzungs-Stelle ist in Mainz.",
        "Die Beschwerde kostet nichts.",
      ],
    },
  ],
};
