import type { Operator } from "./legal";

export const signLanguage = {
  title: "Gebärdensprache",
  withVideo: {
    intro: "In diesem Video erklären wir das Portal in Deutscher Gebärdensprache (DGS).",
    noPlayback: "Ihr Browser spielt das Video nicht ab?",
    download: (title: string) => `Video „${title}“ herunterladen`,
  },
  withoutVideo: {
    intro: "Ein Video in Deutscher Gebärdensprache (DGS) bieten wir derzeit noch nicht an.",
    ask: (op: Operator) =>
      `Sie brauchen Informationen zum Portal oder zu einem Inhalt in einer anderen Form? Schreiben Sie uns an ${op.email}, rufen Sie uns an (${op.phone}) oder schreiben Sie an ${op.name}, ${op.address}. Sagen Sie uns, in welcher Form Sie die Information brauchen, zum Beispiel schriftlich, in Leichter Sprache oder bei einem Termin mit Gebärdensprachdolmetschung. Wir antworten innerhalb von zwei Wochen.`,
  },
  alsoHeading: "Weitere Angebote",
  easyLanguageLink: "Das Portal in Leichter Sprache",
  statementLink: "Erklärung zur Barrierefreiheit",
};
