/**
 * The council papers of the Koblenz case. ST/0020/2025 follows the statement as the council
 * published it (test/fixtures/ST-0020-2025.txt, a copy of shared/reference/) word for word; the Antrag's own wording is not
 * part of that source, so AT/0014/2025 carries only its Betreff and a marked summary.
 */
export const ST_0020_2025_BODY = `Die Verwaltung arbeitet intensiv in den unterschiedlichen Handlungsfeldern der Digitalisierung. So konnte im Zuge der laufenden Umsetzung des Online-Zugangsgesetzes bislang die Digitalisierung von insgesamt 293 Verwaltungsleistungen realisiert werden, die den Koblenzer Bürgerinnen und Bürgern vollständig digital zur Verfügung stehen. Im Laufe der nächsten Monate werden weitere Leistungen hinzukommen.

Daneben beschäftigt sich die Verwaltung selbstverständlich auch mit den Möglichkeiten, die durch Künstliche Intelligenz (KI) für eine Kommunalverwaltung entstehen können. Wir sehen hierin einen wichtigen Baustein, um dem immer deutlicher wahrnehmbaren Fachkräftemangel in vielen Berufsgruppen zu begegnen. Diese Thematik ist neben der IT-Sicherheit auch ein zentraler Gegenstand der Arbeit des Digitalbeirates, bei dem die Verwaltung auf die Expertise von IT-Expertinnen und Experten der Region zurückgreifen kann.

Zu den im Antrag benannten konkreten Themen kann die Verwaltung folgenden Sachstand mitteilen:

1\\. Chatbots

Das Thema einer Chatbot-KI wurde im Digitalbeirat beraten und grundsätzlich positiv bewertet. Angestrebt wird hierbei eine moderne und zeitgemäße Chatbot-Funktion. Neben dem Funktionsumfang stehen hierbei die Daten, mit denen eine KI-Lösung trainiert werden soll, im Fokus der Überlegungen. Die Vorstellung einer aus Sicht der Verwaltung modernen und zugleich praxisnahen Chatbot-Variante durch einen Softwareanbieter ist in den nächsten Wochen vorgesehen.

2\\. Künstliche Intelligenz

Wie bereits im Rahmen der Haushaltsberatungen am 18.11.2024 durch den Leiter des Amtes für Personal und Organisation berichtet, steht die Verwaltung im Austausch mit einem führenden deutschen KI-Unternehmen, das im Herbst 2024 ankündigte, auf der Suche nach Pilotbehörden im kommunalen Bereich zu sein.

Deren Lösungsangebot ist eine KI-Plattform mit dem Fokus auf den Funktionsumfang „Dokumente“, sowie in Teilen „Audio & Bild-Videodateien“. In dieser Kalenderwoche finden hier konkrete Abstimmungen mit dem Unternehmen zu den Voraussetzungen einer Teststellung (Testbetrieb) bei der Stadtverwaltung Koblenz statt.

Vor dem Hintergrund der dargestellten Sachstände und der intensiven laufenden Arbeiten hat sich der Antrag aus Sicht der Verwaltung erledigt.`;

export const ST_0020_2025_RECOMMENDATION = `Der Antrag hat sich aufgrund der bereits ergriffen Maßnahmen und der dargestellten Sachstände erledigt.

Die Verwaltung wird unaufgefordert im Haupt- und Finanzausschuss über die weitere Entwicklung in den Themenfeldern informieren.`;

export const AT_0014_2025_BODY = `*Zusammenfassung für die Demo; der vollständige Antragstext liegt im Ratsinformationssystem der Stadt Koblenz und ist nicht Teil dieser Demodaten.*

Die AfD-Ratsfraktion beantragt, die Stadtverwaltung durch Künstliche Intelligenz zu entlasten: Die Verwaltung soll einen Chatbot „Schängel“ für Anfragen der Bürgerinnen und Bürger einrichten und eine Kooperation mit dem KI-Unternehmen Aleph Alpha anstreben.`;

export type OrganizationStory = { name: string; shortName: string; classification: string };
export const ORGANIZATIONS: OrganizationStory[] = [
  { name: "Stadtrat", shortName: "stadtrat", classification: "Rat" },
  { name: "Haupt- und Finanzausschuss", shortName: "hfa", classification: "Ausschuss" },
  { name: "Digitalbeirat", shortName: "digitalbeirat", classification: "Beirat" },
];
