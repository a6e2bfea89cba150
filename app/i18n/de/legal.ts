import type { RetentionPeriods } from "~/server/retention/settings.server";
import { retention } from "./retention";

/** Operator details and retention periods, from the environment (see app/env.server.ts). */
export type Operator = {
  boardName: string;
  name: string;
  address: string;
  email: string;
  phone: string;
  representative: string;
  dataProtectionOfficer: string;
  portalUrl: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  invitationValidDays: number;
  retention: RetentionPeriods;
};

export type LegalSection = { heading: string; paragraphs: string[]; items?: string[] };

export const legal = {
  imprint: {
    title: "Impressum",
    sections: (op: Operator): LegalSection[] => [
      {
        heading: "Anbieter",
        paragraphs: [`Dieses Portal des ${op.boardName} wird betrieben von: ${op.name}, ${op.address}.`, `Vertreten durch: ${op.representative}.`],
      },
      { heading: "Kontakt", paragraphs: [`Telefon: ${op.phone}`, `E-Mail: ${op.email}`] },
      {
        heading: "Verantwortlich für den Inhalt",
        paragraphs: [
          `Verantwortlich nach § 18 Abs. 2 Medienstaatsvertrag: ${op.representative}, Anschrift wie oben. Beiträge der Mitglieder des Digitalbeirats geben deren fachliche Einschätzung wieder; verbindlich sind allein die Beschlüsse der zuständigen Gremien der Stadt.`,
        ],
      },
      {
        heading: "Haftung für Links",
        paragraphs: [
          "Für Inhalte externer Seiten, auf die dieses Portal verweist, sind deren Anbieter verantwortlich. Bei Bekanntwerden von Rechtsverletzungen entfernen wir solche Links umgehend.",
        ],
      },
    ],
  },
  privacy: {
    title: "Datenschutzerklärung",
    intro: (op: Operator) =>
      `Hier erfahren Sie, welche personenbezogenen Daten das Portal des ${op.boardName} verarbeitet, wozu und auf welcher Rechtsgrundlage, wie lange wir sie speichern und welche Rechte Sie haben.`,
    sections: (op: Operator): LegalSection[] => [
      {
        heading: "1. Verantwortliche Stelle",
        paragraphs: [`${op.name}, ${op.address}, Telefon ${op.phone}, E-Mail ${op.email}. Vertreten durch: ${op.representative}.`],
      },
      {
        heading: "2. Datenschutzbeauftragte",
        paragraphs: [`Sie erreichen die behördliche Datenschutzbeauftragte bzw. den behördlichen Datenschutzbeauftragten unter: ${op.dataProtectionOfficer}.`],
      },
      {
        heading: "3. Zweck des Portals",
        paragraphs: [
          "Der Digitalbeirat berät Stadtrat und Verwaltung in Fragen der Digitalisierung. Das Portal dient seiner Arbeit: Themen diskutieren, Vorschläge bewerten, Sitzungen vorbereiten und dokumentieren, Empfehlungen beschließen und veröffentlichen, sowie die Information der Ratsmitglieder und der Öffentlichkeit.",
        ],
      },
      {
        heading: "4. Welche Daten wir verarbeiten",
        paragraphs: [
          "Beim Besuch ohne Anmeldung verarbeitet der Server für die Auslieferung der Seiten technisch notwendig Ihre IP-Adresse, den Zeitpunkt, die aufgerufene Adresse und die Kennung Ihres Browsers. Diese Daten werden nicht in Zugriffsprotokollen gespeichert. Das Portal bindet keine Inhalte Dritter ein (keine externen Schriften, keine Analyse- oder Trackingdienste).",
        ],
        items: [
          "Konto: E-Mail-Adresse, Name, Organisation, Rolle, optional Ihre Fachgebiete, ein nicht umkehrbarer Hash Ihres Passworts (argon2id), Zeitpunkt der Kontoanlage und der letzten Anmeldung.",
          `Einladungen: die E-Mail-Adresse der eingeladenen Person und die vorgesehene Rolle; der Einladungslink selbst wird nur als Hash gespeichert und ist ${op.invitationValidDays} Tage gültig.`,
          "Sitzungen: ein Hash des Sitzungsschlüssels, Beginn, letzte Aktivität, Ablaufzeit und die Kennung Ihres Browsers (User-Agent), damit Sie Ihre Sitzungen unter „Mein Konto“ erkennen und beenden können.",
          "Inhalte der Beiratsarbeit: Beiträge, Kommentare, Bewertungen mit Begründung, Erklärungen zur Befangenheit, Stimmen zu Empfehlungen, jeweils mit Ihrem Namen als Verfasserin oder Verfasser.",
          "Protokoll: sicherheits- und nachweisrelevante Vorgänge (Anmeldungen, fehlgeschlagene Anmeldeversuche mit der eingegebenen E-Mail-Adresse, Einladungen, Rollenänderungen, Sperrungen, Passwortänderungen, Kontolöschungen) mit Zeitpunkt und handelnder Person.",
          "Benachrichtigungen: wem Sie folgen (Themen, Empfehlungen, Vorlagen, Sitzungen, Bewertungsrunden), Ihre Einstellungen je Benachrichtigungsart und die Benachrichtigungen in Ihrer Benachrichtigungsübersicht mit dem Zeitpunkt, zu dem Sie sie gelesen haben; bei Sitzungen Ihre Zu- oder Absage.",
          "Mails: eine Kopie jeder Mail, die das Portal an Sie schickt (Empfängeradresse, Betreff, Text, Anhänge, Versandzeitpunkt).",
        ],
      },
      {
        heading: "4a. Welche Mails wir schicken und warum",
        paragraphs: [
          "Das Portal schickt nur Mails, die zur Arbeit im Beirat gehören: die Einladung zum Portal (an die Adresse, die die Verwaltung angegeben hat), den Link zum Zurücksetzen des Passworts (nur wenn Sie ihn anfordern), Einladungen zu Sitzungen mit Tagesordnung und Kalenderdatei sowie deren Änderung oder Absage, und Benachrichtigungen über Neues in dem, dem Sie folgen oder was Sie als Mitglied betrifft (Bewertungsrunden, Abstimmungen, veröffentlichte Empfehlungen, freigegebene Protokolle). Wie oft Sie Benachrichtigungen bekommen – sofort, täglich, wöchentlich oder gar nicht –, stellen Sie unter „Mein Konto“ → Benachrichtigungen ein; jede Sammel- und Benachrichtigungsmail enthält einen Link zum Abbestellen.",
          "Die Mails enthalten keine Bilder von fremden Servern, keine Zählpixel und keine umgeleiteten Links; wir werten nicht aus, ob oder wann Sie eine Mail öffnen. Sie werden über den Mailserver der verantwortlichen Stelle verschickt. Sie erhalten nie eine Mail über etwas, das Sie im Portal nicht sehen dürfen.",
        ],
      },
      {
        heading: "5. Rechtsgrundlagen",
        paragraphs: [
          "Die Verarbeitung ist für die Wahrnehmung einer Aufgabe erforderlich, die im öffentlichen Interesse liegt und der Stadt übertragen ist (Beratung der kommunalen Gremien durch den Digitalbeirat): Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 Landesdatenschutzgesetz Rheinland-Pfalz (LDSG). Das Protokoll dient der Sicherheit der Verarbeitung nach Art. 32 DSGVO auf derselben Rechtsgrundlage.",
          "Das Sitzungscookie ist für den von Ihnen ausdrücklich gewünschten Dienst (angemeldet bleiben) unbedingt erforderlich; eine Einwilligung ist dafür nach § 25 Abs. 2 Nr. 2 TDDDG nicht nötig.",
        ],
      },
      {
        heading: "6. Cookies",
        paragraphs: [
          `Das Portal setzt Cookies erst, wenn Sie sich anmelden. Das Sitzungscookie („session“) enthält einen zufälligen Schlüssel, ist für Skripte nicht lesbar (HttpOnly), wird nur an dieses Portal gesendet (SameSite=Lax) und läuft nach ${op.sessionIdleMinutes} Minuten ohne Aktivität, spätestens nach ${op.sessionAbsoluteHours} Stunden ab; beim Abmelden wird es gelöscht. Wer einen zweiten Faktor nutzt, erhält zwischen Passwort und Code für höchstens 10 Minuten ein zweites Cookie („signin“) mit einem zufälligen Schlüssel, das nach der Anmeldung gelöscht wird. Weitere Cookies, lokale Speicher oder Tracking gibt es nicht.`,
        ],
      },
      {
        heading: "7. Empfänger",
        paragraphs: [
          "Die Daten werden auf Servern der verantwortlichen Stelle bzw. ihres kommunalen IT-Dienstleisters in Deutschland verarbeitet und nicht an Dritte oder in Drittländer übermittelt. Innerhalb des Portals sehen Beiratsmitglieder und Verwaltung die Beiträge des Beirats; Ratsmitglieder sehen veröffentlichte Empfehlungen; öffentlich sichtbar sind nur Empfehlungen, Vorlagen und Tagesordnungspunkte, die als öffentlich gekennzeichnet sind.",
        ],
      },
      {
        heading: "8. Speicherdauer",
        paragraphs: [retention.runNote],
        items: retention.rows(op.retention).map((row) => `${row.data}: ${row.period}.`),
      },
      {
        heading: "8a. Löschen Ihres Kontos",
        paragraphs: [
          "Löschen Sie Ihr Konto (unter „Mein Konto“), werden E-Mail-Adresse, Name, Organisation, Fachgebiete, Passwort und zweiter Faktor sofort entfernt, alle Sitzungen beendet, offene Einladungen, die Sie verschickt haben, gelöscht, ebenso Ihre Benachrichtigungen, Einstellungen, noch nicht versendete Mails und die Kopien der Mails an Sie. Ihre Beiträge bleiben als Teil der Beiratsarbeit erhalten und werden als „ehemaliges Mitglied“ angezeigt.",
        ],
      },
      {
        heading: "9. Ihre Rechte",
        paragraphs: [
          "Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Datenübertragbarkeit (Art. 20) sowie das Recht, der Verarbeitung aus Gründen, die sich aus Ihrer besonderen Situation ergeben, zu widersprechen (Art. 21). Angemeldete Mitglieder können unter „Mein Konto“ ihr Profil berichtigen, alle eigenen Daten als JSON-Datei herunterladen und ihr Konto selbst löschen. Für alle weiteren Anliegen wenden Sie sich an die verantwortliche Stelle oder an die Datenschutzbeauftragte bzw. den Datenschutzbeauftragten.",
          "Sie können sich außerdem bei der Aufsichtsbehörde beschweren (Art. 77 DSGVO): Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz, Hintere Bleiche 34, 55116 Mainz, poststelle@datenschutz.rlp.de.",
        ],
      },
    ],
  },
  accessibility: {
    title: "Erklärung zur Barrierefreiheit",
    sections: (op: Operator, offers: { signLanguageVideo: boolean }): LegalSection[] => [
      {
        heading: "Geltungsbereich",
        paragraphs: [
          `${op.name} ist bemüht, das Portal des ${op.boardName} (${op.portalUrl}) im Einklang mit § 10 des Landesinklusionsgesetzes Rheinland-Pfalz (Nachfolger des Landesgesetzes zur Gleichstellung behinderter Menschen) und der Barrierefreie-Informationstechnik-Verordnung Rheinland-Pfalz, die auf die BITV 2.0 und die harmonisierte Norm EN 301 549 (WCAG 2.1, Stufen A und AA) verweist, barrierefrei zugänglich zu machen. Diese Erklärung gilt für das gesamte Portal.`,
        ],
      },
      {
        heading: "Stand der Vereinbarkeit",
        paragraphs: [
          "Das Portal ist mit den Anforderungen weitgehend vereinbar. Die Bewertung beruht auf einer Selbstbewertung: Jede Seite wird bei jeder Änderung automatisiert mit axe-core gegen die WCAG-2.1-Kriterien der Stufen A und AA geprüft; die Seiten sind ohne JavaScript, per Tastatur und mit Bildschirmlesern bedienbar, haben eine Sprunglinkmarke, Überschriften in geordneter Folge, beschriftete Formularfelder mit Fehlermeldungen am Feld und ausreichende Kontraste.",
        ],
      },
      {
        heading: "Nicht barrierefreie Inhalte",
        items: [
          "Von Mitgliedern verfasste Texte (Markdown) können Abkürzungen, Fachbegriffe oder Links ohne aussagekräftigen Linktext enthalten. Wir weisen Verfasserinnen und Verfasser darauf hin und bessern nach, wenn Sie uns darauf aufmerksam machen.",
          "Dokumente Dritter, etwa von Anbietern vorgelegte Unterlagen, sind nicht in jedem Fall barrierefrei. Auf Anfrage stellen wir die Inhalte in zugänglicher Form bereit.",
          ...(offers.signLanguageVideo
            ? []
            : [
                "Informationen in Deutscher Gebärdensprache werden derzeit nicht angeboten. Auf der Seite „Gebärdensprache“ steht, wie Sie Informationen auf anderem Weg bekommen.",
              ]),
        ],
        paragraphs: [],
      },
      {
        heading: "Leichte Sprache und Gebärdensprache",
        paragraphs: [
          "Eine Erklärung des Portals in Leichter Sprache finden Sie auf der Seite „Leichte Sprache“ (/leichte-sprache). Der Link dorthin steht oben auf jeder Seite.",
          offers.signLanguageVideo
            ? "Ein Video in Deutscher Gebärdensprache erklärt das Portal auf der Seite „Gebärdensprache“ (/gebaerdensprache), ebenfalls oben auf jeder Seite verlinkt."
            : "Ein Video in Deutscher Gebärdensprache gibt es noch nicht. Die Seite „Gebärdensprache“ (/gebaerdensprache) sagt, wie Sie Informationen in einer anderen Form anfragen können.",
        ],
      },
      {
        heading: "Erstellung dieser Erklärung",
        paragraphs: [
          "Diese Erklärung wurde am 25.11.2026 erstellt, am 07.12.2026 zuletzt überprüft (Angebote in Leichter Sprache und Gebärdensprache) und wird bei jeder wesentlichen Änderung des Portals überprüft.",
        ],
      },
      {
        heading: "Feedback und Kontakt",
        paragraphs: [
          `Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder benötigen Sie Inhalte in einer anderen Form? Schreiben Sie uns an ${op.email} oder rufen Sie uns an: ${op.phone}. Post: ${op.name}, ${op.address}. Wir antworten innerhalb von zwei Wochen.`,
        ],
      },
      {
        heading: "Durchsetzungsverfahren und Schlichtung",
        paragraphs: [
          "Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten, können Sie sich an die Durchsetzungsstelle bei der Landesbeauftragten für die Belange von Menschen mit Behinderungen Rheinland-Pfalz wenden. Sie prüft Ihr Anliegen, vermittelt zwischen Ihnen und der öffentlichen Stelle mit dem Ziel einer einvernehmlichen Lösung (Schlichtung) und kann die Stelle zur Beseitigung von Mängeln auffordern. Das Verfahren ist für Sie kostenlos; Sie brauchen keinen Rechtsbeistand.",
          "Kontakt: Durchsetzungsstelle bei der Landesbeauftragten für die Belange von Menschen mit Behinderungen, Ministerium für Arbeit, Soziales, Transformation und Digitalisierung, Bauhofstraße 9, 55116 Mainz, E-Mail: durchsetzungsstelle@mastd.rlp.de.",
        ],
      },
    ],
  },
};
