import type { RetentionPeriods } from "~/server/retention/settings.server";

export type RetentionRow = { data: string; period: string };

/** "30 Tage nach dem Versand", "einen Tag nach …", or at the next nightly run for 0. */
function afterDays(days: number, from: string) {
  if (days === 0) return `beim nächsten nächtlichen Löschlauf nach ${from}`;
  if (days === 1) return `einen Tag nach ${from}`;
  return `${days} Tage nach ${from}`;
}

/** Every kind of personal data and how long it is kept: the privacy page and the record of processing activities show these rows. */
export const retention = {
  rows: (r: RetentionPeriods): RetentionRow[] => [
    { data: "Kontodaten", period: "solange Sie Mitglied sind; beim Löschen des Kontos sofort entfernt (siehe „Reste gelöschter Konten“)" },
    {
      data: "Sitzungen (Anmeldungen)",
      period: `gültig bis ${r.sessionIdleMinutes} Minuten ohne Aktivität, höchstens ${r.sessionAbsoluteHours} Stunden; gelöscht ${afterDays(r.sessionDays, "dem Ablauf")}`,
    },
    {
      data: "Anmeldeschritte zwischen Passwort und zweitem Faktor",
      period: `${r.challengeMinutes} Minuten gültig; gelöscht beim nächsten nächtlichen Löschlauf nach dem Ablauf`,
    },
    {
      data: "Zähler fehlgeschlagener Anmeldungen (IP-Adresse oder eingegebene E-Mail-Adresse)",
      period: `gelöscht ${afterDays(r.throttleDays, "dem letzten Fehlversuch")}, nicht vor dem Ende einer Sperre`,
    },
    {
      data: "Einladungen",
      period: `Link ${r.invitationValidDays} Tage gültig; gelöscht ${afterDays(r.invitationDays, "Annahme, Widerruf oder Ablauf")}`,
    },
    {
      data: "Links zum Zurücksetzen des Passworts",
      period: `${r.passwordResetValidMinutes} Minuten gültig und nur einmal; gelöscht ${afterDays(r.passwordResetDays, "Verwendung oder Ablauf")}`,
    },
    {
      data: "Kopien der Mails des Portals",
      period: `gelöscht ${afterDays(r.mailDays, "dem Versand (ohne Versand: nach der Erstellung)")}; Einmal-Links werden schon beim Versand aus der Kopie entfernt`,
    },
    { data: "Hintergrundaufträge (z. B. Mailversand)", period: `gelöscht ${afterDays(r.jobDays, "ihrem Abschluss")}` },
    {
      data: "Gelesene Benachrichtigungen",
      period: `gelöscht ${afterDays(r.notificationDays, "dem Lesen")}; ungelesene bleiben, bis Sie sie lesen oder Ihr Konto löschen`,
    },
    {
      data: "Protokolleinträge",
      period: `${r.auditMonths} Monate, danach gelöscht; innerhalb der Frist kann niemand sie ändern oder löschen, und die Löschung selbst wird protokolliert`,
    },
    {
      data: "Reste gelöschter Konten",
      period: `ein Eintrag ohne Namen und E-Mail-Adresse, auf den Beiträge als „ehemaliges Mitglied“ verweisen; gelöscht ${afterDays(r.deletedAccountDays, "der Kontolöschung")}, sobald kein Beitrag, keine Bewertung, keine Stimme und kein Protokolleintrag mehr auf ihn verweist`,
    },
    {
      data: "Inhalte der Beiratsarbeit (Beiträge, Bewertungen, Stimmen, Empfehlungen, Protokolle)",
      period: "bleiben als Unterlagen des Beirats erhalten; nach einer Kontolöschung ohne Namen",
    },
  ],
  runNote:
    "Ein Auftrag des Portals löscht jede Nacht um 03:30 Uhr alles, dessen Frist abgelaufen ist. Datensicherungen, die der Betrieb anlegt, enthalten die Daten, bis er sie nach seinem Sicherungskonzept überschreibt.",
};
