/** Demo discussion per proposal of the closed chatbot round, keyed by proposal title; `expert` indexes people.experts. */
export type DiscussionComment = { expert: number; at: string; body: string };

export const PROPOSAL_DISCUSSIONS: Record<string, DiscussionComment[]> = {
  "Schängel-Assistent": [
    {
      expert: 2,
      at: "2025-01-14T10:05:00Z",
      body: "Den BITV-Prüfbericht habe ich mir angesehen: Tastaturbedienung und Screenreader-Ausgabe sind sauber geprüft. Offen ist, ob die Antworten auch in **Leichter Sprache** kommen können – der Anbieter sagt das nur „auf Anfrage“ zu.",
    },
    {
      expert: 4,
      at: "2025-01-16T15:40:00Z",
      body: "Die Chatverläufe werden nach 30 Tagen gelöscht, das ist gut. Die DSFA-Vorlage fehlt im Angebot aber noch; die Verwaltung sollte sie sich vor Vertragsschluss liefern lassen.",
    },
  ],
  "KommunalBot Cloud": [
    {
      expert: 1,
      at: "2025-01-15T08:30:00Z",
      body: "Das Sprachmodell läuft bei einem US-Konzern als Unterauftragnehmer. Auch in der EU-Region ist ein Zugriff nach dem CLOUD Act nicht ausgeschlossen – das gehört in die Stellungnahme an den Haupt- und Finanzausschuss.",
    },
    {
      expert: 0,
      at: "2025-01-15T17:10:00Z",
      body: "Fachlich war die Teststellung stark: alle 20 Testfragen korrekt und mit Quelle beantwortet. Und rund 13.600 € im Jahr erreicht sonst keiner.",
    },
    {
      expert: 4,
      at: "2025-01-20T09:45:00Z",
      body: "Können wir beim Anbieter nachfragen, ob sich das Sprachmodell gegen ein europäisches tauschen lässt und was das kosten würde?",
    },
  ],
  "Moselbyte Bürgerchat": [
    {
      expert: 2,
      at: "2025-01-17T11:20:00Z",
      body: "Das Chatfenster ist mit der Tastatur nicht erreichbar, die Kontraste reichen nicht. Die zugesagte Nachbesserung bis Mitte 2025 käme für den geplanten Start zu spät.",
    },
    {
      expert: 0,
      at: "2025-01-21T14:00:00Z",
      body: "Positiv: Der Quellcode geht an die Stadt und der Betrieb bleibt in Koblenz. Das sollten wir bei einer späteren Ausschreibung als Open-Source-Anforderung mitnehmen.",
    },
  ],
};
