import { env, servedOverHttps } from "~/env.server";
import type { RecordFacts } from "~/i18n/de/processing-record";
import { t } from "~/i18n/de";
import type { RetentionRow } from "~/i18n/de/retention";
import { getSourceSetting } from "~/oparl/import/runs.server";
import { operatorDetails } from "~/legal/legal.server";
import { formatDateTime } from "~/lib/dates";

export type ProcessingActivity = { name: string; purpose: string; legalBasis: string; subjects: string[]; data: string[] };

/** The record of processing activities (Art. 30 DSGVO), built from configuration on every request. */
export type ProcessingRecord = {
  boardName: string;
  generatedAt: string;
  controller: string;
  dataProtectionOfficer: string;
  activities: ProcessingActivity[];
  recipients: string[];
  transfers: string;
  periods: RetentionRow[];
  measures: string[];
};

/** Host only: the SMTP URL may carry a user and password, which stay out of the record. */
function hostOf(url: string | null | undefined) {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

async function recordFacts(): Promise<RecordFacts> {
  const config = env();
  const source = await getSourceSetting();
  return {
    smtpHost: hostOf(config.SMTP_URL),
    smtpTls: config.SMTP_URL ? (config.SMTP_URL.startsWith("smtps:") ? "smtps" : "starttls") : null,
    risHost: hostOf(source?.systemUrl),
    require2faRoles: config.REQUIRE_2FA_ROLES,
    totpEncrypted: Boolean(config.APP_SECRET),
    https: servedOverHttps(),
    postgres: Boolean(process.env.DATABASE_URL),
    auditMonths: config.AUDIT_RETENTION_MONTHS,
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: config.SESSION_ABSOLUTE_HOURS,
  };
}

export async function buildProcessingRecord(now = new Date()): Promise<ProcessingRecord> {
  const operator = operatorDetails();
  const text = t.processingRecord;
  const facts = await recordFacts();
  return {
    boardName: operator.boardName,
    generatedAt: formatDateTime(now),
    controller: text.controller(operator),
    dataProtectionOfficer: operator.dataProtectionOfficer,
    activities: text.activities.map((activity) => ({ ...activity, subjects: [...activity.subjects], data: [...activity.data] })),
    recipients: text.recipients(facts),
    transfers: text.transfers,
    periods: t.retention.rows(operator.retention),
    measures: text.measures(facts),
  };
}
