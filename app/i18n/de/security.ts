/** Refusals at the edge (server.mjs, before Remix): short pages, no layout. */
export const security = {
  pageTitle: "Anfrage abgelehnt",
  backHome: "Zur Startseite",
  crossSite: "Anfrage von fremder Herkunft abgelehnt. Bitte senden Sie das Formular von einer Seite dieses Portals ab.",
  malformedOrigin: "Die Anfrage hat eine ungültige Herkunftsangabe (Origin).",
  badPath: "Die Adresse enthält ungültige Zeichen.",
  method: "Diese Anfragemethode wird hier nicht unterstützt.",
  contentType: "Formulare werden nur als gewöhnliche Formulardaten angenommen.",
  brokenForm: "Die Formulardaten sind beschädigt und konnten nicht gelesen werden.",
  tooLarge: "Die Anfrage ist zu groß für dieses Formular.",
  tooManyFields: "Das Formular enthält zu viele Felder oder zu lange Listen.",
  statusLine: (status: number) => `Statuscode ${status}`,
};
