import { t } from "~/i18n/de";
import type { ProcessingRecord } from "./processing-record.server";

/** Table cells keep their pipes and line breaks out of the table syntax. */
const cell = (value: string) => value.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
const list = (items: string[]) => items.map((item) => `- ${item}`).join("\n");

/** The same record as the page, as a Markdown file for the operator's own documentation. */
export function processingRecordMarkdown(record: ProcessingRecord) {
  const text = t.processingRecord;
  const h = text.headings;
  const activities = record.activities.map((activity, index) =>
    [
      `### ${index + 1}. ${activity.name}`,
      `**${h.purpose}:** ${activity.purpose}`,
      `**${h.legalBasis}:** ${activity.legalBasis}`,
      `**${h.subjects}:**\n\n${list(activity.subjects)}`,
      `**${h.data}:**\n\n${list(activity.data)}`,
    ].join("\n\n"),
  );
  return (
    [
      `# ${text.title}`,
      text.subtitle(record.boardName),
      text.generated(record.generatedAt),
      `## ${h.controller}\n\n${record.controller}`,
      `## ${h.dpo}\n\n${record.dataProtectionOfficer}`,
      `## ${h.activities}`,
      ...activities,
      `## ${h.recipients}\n\n${list(record.recipients)}`,
      `## ${h.transfers}\n\n${record.transfers}`,
      `## ${h.periods}\n\n| ${h.dataColumn} | ${h.periodColumn} |\n|---|---|\n${record.periods.map((row) => `| ${cell(row.data)} | ${cell(row.period)} |`).join("\n")}`,
      `## ${h.measures}\n\n${list(record.measures)}`,
    ].join("\n\n") + "\n"
  );
}
