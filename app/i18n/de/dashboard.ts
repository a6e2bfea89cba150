export const dashboard = {
  greeting: (name: string) => `Guten Tag, ${name}`,
  signedInAs: (role: string) => `Sie sind angemeldet als ${role}.`,
  intro:
    "Der Digitalbeirat berät Stadtrat und Verwaltung in Fragen der Digitalisierung: Künstliche Intelligenz, IT-Sicherheit und digitale Verwaltungsleistungen nach dem Online-Zugangsgesetz. Externe IT-Expertinnen und -Experten aus der Region diskutieren hier Themen, bewerten Vorschläge und veröffentlichen Empfehlungen zu Vorlagen des Stadtrats.",
  published: {
    title: "Veröffentlichte Empfehlungen",
    empty: "Es sind noch keine Empfehlungen veröffentlicht.",
    all: "Alle Empfehlungen",
  },
  ballots: {
    title: "Abstimmungen, die auf Ihre Stimme warten",
    empty: "Zurzeit wartet keine Abstimmung auf Ihre Stimme.",
    until: "Stimmabgabe bis",
  },
  discussions: {
    title: "Neueste Diskussionen",
    empty: "Noch keine Diskussionen.",
    comments: (n: number) => (n === 1 ? "1 Beitrag" : `${n} Beiträge`),
    unread: "neu",
  },
};
