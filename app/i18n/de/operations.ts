/** Running the portal: backup download in /admin. */
export const operations = {
  backup: {
    title: "Sicherung",
    link: "Sicherung",
    linkText: "Eine vollständige Sicherung der Datenbank herunterladen.",
    intro:
      "Die Sicherung enthält alle Daten des Portals (Konten, Beiträge, Bewertungen, Empfehlungen, Protokoll) als komprimierte Datei. Sie lässt sich mit „npm run db:restore“ in eine leere Datenbank einspielen, auch von PGlite nach PostgreSQL.",
    caution:
      "Die Datei enthält personenbezogene Daten und Passwort-Hashes: bitte nur verschlüsselt und zugriffsgeschützt aufbewahren. Der Abruf wird protokolliert.",
    download: "Sicherung herunterladen",
    adminOnly: "Sicherungen lädt nur die Administration herunter.",
  },
};
