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
  admin: {
    title: "Video in Gebärdensprache",
    link: "Video in Gebärdensprache",
    linkText: "Das Video in Deutscher Gebärdensprache für die Seite „Gebärdensprache“ hochladen, ersetzen oder entfernen.",
    intro:
      "Das Video erscheint auf der Seite „Gebärdensprache“; die Erklärung zur Barrierefreiheit und die Seite in Leichter Sprache sagen dann, dass es angeboten wird. Jede Besucherin und jeder Besucher kann es ansehen.",
    current: "Aktuelles Video",
    none: "Es ist noch kein Video hochgeladen. Die Seite „Gebärdensprache“ sagt, dass es noch nicht angeboten wird.",
    details: (fileName: string, type: string, size: string, version: number, date: string) => `${fileName} (${type}, ${size}), Fassung ${version} vom ${date}`,
    view: "Seite „Gebärdensprache“ ansehen",
    uploadHeading: "Video hochladen",
    replaceHeading: "Video ersetzen",
    label: "Titel des Videos",
    labelHint: "Wird als Name des Videos und im Link zum Herunterladen gezeigt.",
    file: "Videodatei",
    fileHint: (mb: number) => `MP4 oder WebM, höchstens ${mb} MB.`,
    submit: "Hochladen",
    deleteHeading: "Video entfernen",
    confirm: "Ja, das Video von den Seiten entfernen",
    confirmMissing: "Bitte bestätigen Sie, dass das Video entfernt werden soll.",
    deleteSubmit: "Video entfernen",
    uploaded: "Das Video wurde gespeichert.",
    deleted: "Das Video wurde entfernt.",
    concurrent: "Gleichzeitig wurde ein anderes Video hochgeladen. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
    defaultLabel: "Das Portal in Deutscher Gebärdensprache",
  },
};
