import { env } from "~/env.server";
import { CHALLENGE_LIFETIME_MINUTES } from "~/accounts/sign-in-challenge.server";
import { RESET_VALID_MINUTES } from "~/accounts/password-reset.server";

/**
 * How long every kind of personal data is kept: the one source that the deleting job
 * (./purge.server.ts), the privacy page and the record of processing activities read
 * (docs/decisions/095-retention-jobs.md). Days count from the moment named in `from`.
 */
export type RetentionPeriods = {
  /** Expired sessions: days after their expiry. */
  sessionDays: number;
  /** Accepted, revoked or expired invitations: days after that moment. */
  invitationDays: number;
  invitationValidDays: number;
  /** Used or expired password-reset links: days after use or expiry. */
  passwordResetDays: number;
  passwordResetValidMinutes: number;
  /** Mail copies (sent, unsent, dropped, failed): days after sending or creation. */
  mailDays: number;
  /** Finished and failed jobs: days after they finished. */
  jobDays: number;
  /** Read notifications: days after they were read. */
  notificationDays: number;
  /** Sign-in throttle rows: days after the last failed attempt (and any block has ended). */
  throttleDays: number;
  /** Sign-in challenges between password and second factor: deleted once expired. */
  challengeMinutes: number;
  /** Anonymised rows of deleted accounts: days after deletion, once no record refers to them. */
  deletedAccountDays: number;
  auditMonths: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
};

export function retentionPeriods(): RetentionPeriods {
  const config = env();
  return {
    sessionDays: config.SESSION_RETENTION_DAYS,
    invitationDays: config.INVITATION_RETENTION_DAYS,
    invitationValidDays: config.INVITATION_VALID_DAYS,
    passwordResetDays: config.PASSWORD_RESET_RETENTION_DAYS,
    passwordResetValidMinutes: RESET_VALID_MINUTES,
    mailDays: config.MAIL_RETENTION_DAYS,
    jobDays: config.JOB_RETENTION_DAYS,
    notificationDays: config.NOTIFICATION_RETENTION_DAYS,
    throttleDays: config.THROTTLE_RETENTION_DAYS,
    challengeMinutes: CHALLENGE_LIFETIME_MINUTES,
    deletedAccountDays: config.DELETED_ACCOUNT_RETENTION_DAYS,
    auditMonths: config.AUDIT_RETENTION_MONTHS,
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: config.SESSION_ABSOLUTE_HOURS,
  };
}
