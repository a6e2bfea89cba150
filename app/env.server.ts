import { z } from "zod";

const DEFAULT_PORTAL_URL = "http://localhost:3000";
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** Mail and the job runner (docs/decisions/060-job-table.md, 061-mail-outbox.md). */
const mailAndJobSettings = {
  SMTP_URL: optional.refine((value) => !value || /^smtps?:\/\/[^\s]+$/.test(value), "SMTP_URL muss mit smtp:// oder smtps:// beginnen"),
  MAIL_FROM: z.string().trim().default("Digitalbeirat <noreply@localhost>"),
  MAIL_REPLY_TO: optional,
  APP_SECRET: optional.refine((value) => !value || value.length >= 32, "APP_SECRET muss mindestens 32 Zeichen lang sein"),
  JOBS_ENABLED: z
    .enum(["true", "false", ""])
    .default("")
    .transform((value) => value !== "false"),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  JOB_BACKOFF_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
};

const days = (fallback: number, min = 1) => z.coerce.number().int().min(min).max(3650).default(fallback);

/** How long each kind of personal data is kept (docs/decisions/095-retention-jobs.md). */
const retentionSettings = {
  SESSION_RETENTION_DAYS: days(1, 0),
  INVITATION_RETENTION_DAYS: days(30, 0),
  PASSWORD_RESET_RETENTION_DAYS: days(1, 0),
  MAIL_RETENTION_DAYS: days(90),
  JOB_RETENTION_DAYS: days(30),
  NOTIFICATION_RETENTION_DAYS: days(90),
  THROTTLE_RETENTION_DAYS: days(1),
  DELETED_ACCOUNT_RETENTION_DAYS: days(30, 0),
  AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
};

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORTAL_URL: z.string().url().default(DEFAULT_PORTAL_URL),
  DEMO_MODE: z
    .enum(["true", "false", ""])
    .default("")
    .transform((value) => value === "true"),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  INVITATION_VALID_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  OPERATOR_NAME: z.string().default("Stadtverwaltung Koblenz (Demo)"),
  OPERATOR_ADDRESS: z.string().default("Willi-Hörter-Platz 1, 56068 Koblenz"),
  OPERATOR_EMAIL: z.string().default("digitalbeirat@example.org"),
  OPERATOR_PHONE: z.string().default("0261 000000"),
  OPERATOR_REPRESENTATIVE: z.string().default("Oberbürgermeister (Demo)"),
  DATA_PROTECTION_OFFICER: z.string().default("Datenschutzbeauftragte der Stadtverwaltung (Demo), datenschutz@example.org"),
  BOARD_NAME: z.string().default("Digitalbeirat der Stadt Koblenz"),
  VOTE_QUORUM_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  // OParl export (/oparl/v1) and import from the city's RIS, see README "OParl".
  OPARL_BODY_NAME: z.string().min(1).default("Stadt Koblenz"),
  OPARL_BODY_SHORT_NAME: z.string().min(1).default("Koblenz"),
  OPARL_BODY_AGS: z
    .string()
    .regex(/^[0-9]{8}$/)
    .optional(),
  OPARL_LICENSE: z.string().url().default("https://creativecommons.org/licenses/by/4.0/"),
  /** "Name|YYYY-MM-DD|YYYY-MM-DD" entries separated by ";" (the council's Wahlperioden). */
  OPARL_LEGISLATIVE_TERMS: z.string().default("Wahlperiode 2024–2029|2024-07-01|2029-06-30"),
  /** When the portal began to publish OParl: created/modified of System, Body and terms. */
  OPARL_SINCE: z.string().datetime({ offset: true }).default("2025-01-01T00:00:00+01:00"),
  /** shortName of the organization that is the board itself (its meetings and members). */
  OPARL_BOARD_ORGANIZATION: z.string().default("digitalbeirat"),
  /** The city's RIS: an OParl System URL; wins over the setting in /admin/oparl. */
  OPARL_SOURCE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Which Body of that System to follow (its id URL); default the first one. */
  OPARL_SOURCE_BODY: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  OPARL_SYNC_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 7)
    .default(60),
  ...mailAndJobSettings,
  ...retentionSettings,
  // Security (issue 14, docs/decisions/070–079).
  TRUST_PROXY: z.string().default(""),
  REQUIRE_2FA_ROLES: z
    .string()
    .default("admin,staff")
    .transform((value) =>
      value
        .split(",")
        .map((role) => role.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(["admin", "staff", "expert", "council"]))),
  FORM_BODY_LIMIT_KB: z.coerce
    .number()
    .int()
    .min(16)
    .max(64 * 1024)
    .default(1024),
  SEARCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Largest document upload (and RIS file fetched by the importer), in MB (docs/decisions/092). */
  FILE_MAX_MB: z.coerce.number().min(0.01).max(1024).default(25),
  /** Largest upload of the operator's DGS video, in MB (docs/decisions/092). */
  SIGN_LANGUAGE_VIDEO_MAX_MB: z.coerce.number().min(0.01).max(4096).default(200),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Read once; tests may change process.env and call resetEnv(). */
export function env(): Env {
  cached ??= schema.parse(process.env);
  return cached;
}

export function resetEnv() {
  cached = undefined;
}

/** The only configuration that reaches the browser. */
export function publicEnv() {
  const { BOARD_NAME, DEMO_MODE } = env();
  return { BOARD_NAME, DEMO_MODE };
}

export function servedOverHttps() {
  return env().PORTAL_URL.startsWith("https://");
}

/**
 * Refusals at start (server.mjs via prepareDatabase): mail links must point somewhere real, and a
 * production server (PostgreSQL, not the demo) must sign its links with a configured secret.
 */
export function checkStartupConfiguration(source: Record<string, string | undefined> = process.env) {
  const settings = env();
  const problems: string[] = [];
  if (settings.SMTP_URL && settings.PORTAL_URL === DEFAULT_PORTAL_URL) {
    problems.push("SMTP_URL ist gesetzt, PORTAL_URL aber noch der Standardwert: Links in Mails würden ins Leere führen.");
  }
  if (settings.NODE_ENV === "production" && source.DATABASE_URL && !settings.DEMO_MODE && !settings.APP_SECRET) {
    problems.push("APP_SECRET fehlt (mindestens 32 Zeichen): ohne es lassen sich Abbestell- und Zusagelinks nicht signieren.");
  }
  if (problems.length > 0) throw new Error(`Konfiguration unvollständig:\n- ${problems.join("\n- ")}`);
}
