import { env } from "~/env.server";
import type { Operator } from "~/i18n/de/legal";
import { retentionPeriods } from "~/server/retention/settings.server";

/** The operator details and periods the legal pages state, all from configuration. */
export function operatorDetails(): Operator {
  const config = env();
  const retention = retentionPeriods();
  return {
    boardName: config.BOARD_NAME,
    name: config.OPERATOR_NAME,
    address: config.OPERATOR_ADDRESS,
    email: config.OPERATOR_EMAIL,
    phone: config.OPERATOR_PHONE,
    representative: config.OPERATOR_REPRESENTATIVE,
    dataProtectionOfficer: config.DATA_PROTECTION_OFFICER,
    portalUrl: config.PORTAL_URL,
    sessionIdleMinutes: retention.sessionIdleMinutes,
    sessionAbsoluteHours: retention.sessionAbsoluteHours,
    invitationValidDays: retention.invitationValidDays,
    retention,
  };
}
