import type { Role } from "#db/schema";

const ROLE_NAMES: Record<Role, string> = { admin: "Administration", staff: "Verwaltung", expert: "Beiratsmitglieder", council: "Ratsmitglieder" };
const PUBLIC_TASK =
  "Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 Landesdatenschutzgesetz Rheinland-Pfalz (Aufgabe im öffentlichen Interesse: Beratung der kommunalen Gremien)";

/** What the record of processing activities (Art. 30 DSGVO) says; the facts come from app/legal/processing-record.server.ts. */
export type RecordFacts = {
  smtpHost: string | null;
  smtpTls: "smtps" | "starttls" | null;
  risHost: string | null;
  require2faRoles: Role[];
  totpEncrypted: boolean;
  https: boolean;
  postgres: boolean;
  auditMonths: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
};

export const processingRecord = {
  title: "Verzeichnis von Verarbeitungstätigkeiten",
  subtitle: (boardName: string) => `nach Art. 30 Abs. 1 DSGVO für das Portal des ${boardName}`,
  generated: (when: string) => `Erzeugt am ${when} aus der Konfiguration des Portals.`,
  download: "Als Markdown herunterladen",
  adminOnly: "Das Verzeichnis von Verarbeitungstätigkeiten sehen nur Administratorinnen und Administratoren.",
  link: "Verarbeitungsverzeichnis",
  linkText: "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) zum Drucken oder als Markdown.",
  headings: {
    controller: "Verantwortliche Stelle",
    dpo: "Datenschutzbeauftragte",
    activities: "Verarbeitungstätigkeiten",
    purpose: "Zweck",
    legalBasis: "Rechtsgrundlage",
    subjects: "Betroffene Personen",
    data: "Kategorien personenbezogener Daten",
    recipients: "Empfänger",
    transfers: "Übermittlung in Drittländer",
    periods: "Löschfristen",
    dataColumn: "Daten",
    periodColumn: "Frist",
    measures: "Technische und organisatorische Maßnahmen (Art. 32 DSGVO)",
  },
  controller: (c: { name: string; address: string; email: string; phone: string; representative: string }) =>
    `${c.name}, ${c.address}; Telefon ${c.phone}, E-Mail ${c.email}; vertreten durch ${c.representative}`,
  transfers: "Keine. Das Portal bindet keine Dienste Dritter ein und übermittelt keine Daten in Drittländer.",
  activities: [
    {
      name: "Benutzerkonten und Anmeldung",
      purpose: "Zugang der Mitglieder, der Verwaltung und der Ratsmitglieder zum Portal nach Rollen; Konten nur auf Einladung.",
      legalBasis: PUBLIC_TASK,
      subjects: ["Beiratsmitglieder", "Beschäftigte der Verwaltung", "Ratsmitglieder", "Administration", "eingeladene Personen"],
      data: [
        "E-Mail-Adresse, Name, Organisation, Rolle, Fachgebiete",
        "Hash des Passworts, Geheimnis des zweiten Faktors, Hashes der Wiederherstellungscodes",
        "Sitzungen (Hash des Schlüssels, Zeitpunkte, Browserkennung)",
        "Einladungen (E-Mail-Adresse, Rolle, einladende Person)",
        "Zähler fehlgeschlagener Anmeldungen (IP-Adresse, eingegebene E-Mail-Adresse)",
      ],
    },
    {
      name: "Arbeit des Beirats",
      purpose: "Themen diskutieren, Vorschläge bewerten, Sitzungen vorbereiten und dokumentieren, Empfehlungen beschließen.",
      legalBasis: PUBLIC_TASK,
      subjects: ["Beiratsmitglieder", "Beschäftigte der Verwaltung"],
      data: [
        "Beiträge und Kommentare mit Verfasserin oder Verfasser und Bearbeitungsverlauf",
        "Bewertungen mit Begründung, Erklärungen zur Befangenheit",
        "Stimmen zu Empfehlungen",
        "Zu- und Absagen zu Sitzungen, Anwesenheit im Protokoll",
      ],
    },
    {
      name: "Information des Rats und der Öffentlichkeit",
      purpose: "Veröffentlichte Empfehlungen, öffentliche Vorlagen und Tagesordnungspunkte, OParl-Schnittstelle.",
      legalBasis: PUBLIC_TASK,
      subjects: ["Beiratsmitglieder als Verfasserinnen und Verfasser", "Ratsmitglieder"],
      data: [
        "Namen in veröffentlichten Empfehlungen und Protokollen",
        "Beiratsmitglieder als OParl-Person nur mit ihrer Einwilligung",
        "Besuche ohne Anmeldung: keine Speicherung, kein Cookie",
      ],
    },
    {
      name: "Mails und Benachrichtigungen",
      purpose: "Einladungen, Passwort-Links, Sitzungseinladungen und gewählte Benachrichtigungen.",
      legalBasis: PUBLIC_TASK,
      subjects: ["Mitglieder mit Konto", "eingeladene Personen"],
      data: ["E-Mail-Adresse, Inhalt und Versandzeitpunkt jeder Mail", "Gefolgte Gegenstände, Einstellungen, Benachrichtigungen mit Lesezeitpunkt"],
    },
    {
      name: "Sicherheit und Nachweis",
      purpose: "Protokoll sicherheits- und nachweisrelevanter Vorgänge; Abwehr von Angriffen auf Anmeldungen.",
      legalBasis: `${PUBLIC_TASK}; Art. 32 DSGVO`,
      subjects: ["alle Kontoinhaberinnen und Kontoinhaber", "Personen, die sich anzumelden versuchen"],
      data: ["Vorgang, Zeitpunkt, handelnde Person, betroffener Gegenstand", "bei Fehlversuchen die eingegebene E-Mail-Adresse"],
    },
  ],
  recipients: (facts: RecordFacts) => [
    "Innerhalb der verantwortlichen Stelle: die Rollen des Portals nach ihren Rechten (Administration, Verwaltung, Beiratsmitglieder, Ratsmitglieder).",
    "Öffentlichkeit: nur als öffentlich gekennzeichnete Empfehlungen, Vorlagen und Tagesordnungspunkte.",
    facts.smtpHost
      ? `Mail-Relay ${facts.smtpHost}: alle Mails des Portals (Empfängeradresse, Betreff, Inhalt) gehen über diesen Server. Liegt er nicht bei der verantwortlichen Stelle, ist ein Vertrag zur Auftragsverarbeitung nötig.`
      : "Kein Mail-Relay: SMTP_URL ist nicht gesetzt, Mails bleiben ungesendet im Portal.",
    facts.risHost
      ? `Ratsinformationssystem ${facts.risHost}: das Portal ruft dort öffentliche Daten ab und übermittelt keine personenbezogenen Daten dorthin.`
      : "Kein Ratsinformationssystem angebunden.",
    ...(facts.smtpHost || facts.risHost ? [] : ["Keine Empfänger außerhalb der verantwortlichen Stelle."]),
  ],
  measures: (facts: RecordFacts) => [
    "Passwörter nur als argon2id-Hash gespeichert; Liste häufiger Passwörter wird abgewiesen.",
    `Sitzungsschlüssel (256 Bit) nur als SHA-256-Hash gespeichert; Sitzungen enden nach ${facts.sessionIdleMinutes} Minuten ohne Aktivität, spätestens nach ${facts.sessionAbsoluteHours} Stunden; Cookie HttpOnly und SameSite=Lax.`,
    facts.require2faRoles.length > 0
      ? `Zweiter Faktor (TOTP) Pflicht für: ${facts.require2faRoles.map((role) => ROLE_NAMES[role]).join(", ")}; für alle anderen Rollen wählbar.`
      : "Zweiter Faktor (TOTP) für alle Rollen wählbar, für keine Pflicht.",
    facts.totpEncrypted
      ? "Geheimnisse des zweiten Faktors verschlüsselt gespeichert (APP_SECRET)."
      : "Geheimnisse des zweiten Faktors unverschlüsselt gespeichert: APP_SECRET ist nicht gesetzt.",
    facts.https
      ? "Übertragung nur verschlüsselt: PORTAL_URL ist https, HSTS, Cookies mit Secure und __Host-Präfix."
      : "PORTAL_URL ist nicht https: die Transportverschlüsselung muss ein vorgeschalteter Server leisten, sonst ist sie nicht gegeben.",
    ...(facts.smtpTls ? [facts.smtpTls === "smtps" ? "Mailversand über TLS (smtps)." : "Mailversand mit STARTTLS, wenn der Mailserver es anbietet."] : []),
    "Content-Security-Policy mit Nonce, keine Inhalte von fremden Servern, Einbettung in fremde Seiten untersagt; weitere Sicherheitsheader auf jeder Antwort.",
    "Anmeldeversuche gedrosselt je Client und je Konto; Formulare nur vom eigenen Ursprung angenommen.",
    "Rechte nach Rolle, bei jeder Anfrage auf dem Server geprüft; Konten nur auf Einladung.",
    `Protokoll sicherheitsrelevanter Vorgänge, in der Datenbank unveränderbar; nach ${facts.auditMonths} Monaten gelöscht, die Löschung selbst protokolliert.`,
    "Tägliche Löschung nach den Fristen dieses Verzeichnisses durch einen Auftrag des Portals.",
    facts.postgres
      ? "Datenbank: PostgreSQL. Sicherung als Datei (npm run db:backup oder /admin/sicherung), nur für den Betrieb lesbar; verschlüsselt aufzubewahren."
      : "Datenbank: eingebettet im Datenordner des Servers. Sicherung als Datei (npm run db:backup oder /admin/sicherung), nur für den Betrieb lesbar; verschlüsselt aufzubewahren.",
    "Mitglieder können ihre Daten selbst herunterladen, berichtigen und ihr Konto löschen.",
  ],
};
