import { sql } from "drizzle-orm";
import { check, index, integer, bigint, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, identity, requiredRef } from "./columns";

export const ROLES = ["admin", "staff", "expert", "council"] as const;
export type Role = (typeof ROLES)[number];

const roleCheck = (column: unknown) => sql`${column} in ('admin', 'staff', 'expert', 'council')`;

export const users = pgTable(
  "users",
  {
    id: identity(),
    /** Null once the account is deleted (anonymised; authored content keeps the row). */
    email: text("email"),
    name: text("name"),
    organisation: text("organisation"),
    role: text("role").$type<Role>().notNull(),
    expertise: text("expertise")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    passwordHash: text("password_hash"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** Start of the previous signed-in visit: "new since your last visit" compares against it. */
    previousVisitAt: timestamp("previous_visit_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** Consent to appear as an OParl Person in /oparl/v1 (board members only); null = no. */
    oparlConsentAt: timestamp("oparl_consent_at", { withTimezone: true }),
    /** OParl Person.modified: a trigger (db/sql/oparl-export.sql) moves it when name or consent change. */
    oparlModifiedAt: timestamp("oparl_modified_at", { withTimezone: true }).notNull().defaultNow(),
    /** TOTP secret (base32, encrypted with APP_SECRET when set: docs/decisions/076). */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last accepted TOTP time step: a code is accepted once (no replay). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    /** A secret shown for enrolment and not yet confirmed with a code. */
    totpPendingSecret: text("totp_pending_secret"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    check("users_role_check", roleCheck(t.role)),
    check("users_email_format", sql`${t.email} is null or ${t.email} like '%_@_%'`),
    check("users_deleted_is_anonymous", sql`${t.deletedAt} is null or (${t.email} is null and ${t.passwordHash} is null)`),
    check("users_totp_enabled_has_secret", sql`${t.totpEnabledAt} is null or ${t.totpSecret} is not null`),
  ],
);

/** The member a row belongs to: the row goes with the account. */
export const userRef = () => requiredRef("user_id", () => users.id, "cascade");
/** A member who did something to a row (created, hid, deleted it): the row outlives the account. */
export const actorRef = <TName extends string>(name: TName) => integer(name).references(() => users.id, { onDelete: "set null" });

/** Ten one-time recovery codes per member with a second factor; only their SHA-256 is stored. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: identity(),
    userId: userRef(),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("recovery_codes_user_code_idx").on(t.userId, t.codeHash)],
);

/**
 * A sign-in between the password and the second factor (or its enrolment): the cookie holds a
 * token, the row its SHA-256; it lives minutes and allows a few code attempts.
 */
export const signInChallenges = pgTable(
  "sign_in_challenges",
  {
    id: text("id").primaryKey(),
    userId: userRef(),
    purpose: text("purpose").$type<"verify" | "enrol">().notNull(),
    redirectTo: text("redirect_to").notNull().default("/"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_challenges_user_idx").on(t.userId), check("sign_in_challenges_purpose_check", sql`${t.purpose} in ('verify', 'enrol')`)],
);

/**
 * Failed sign-ins per client address (`client:…`, blocks) and per account (`account:…`, only
 * slows): one row per key, shared by every app process (docs/decisions/074).
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
  blocks: integer("blocks").notNull().default(0),
  /** Attempts refused during the current block, logged in aggregate instead of one row each. */
  refused: integer("refused").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: userRef(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Idle expiry; slides forward on use but never past absoluteExpiresAt. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("sessions_user_idx").on(t.userId),
    index("sessions_expires_idx").on(t.expiresAt),
    check("sessions_expiry_order", sql`${t.expiresAt} <= ${t.absoluteExpiresAt}`),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: identity(),
    email: text("email").notNull(),
    role: text("role").$type<Role>().notNull(),
    /** SHA-256 (hex) of the one-time token in the link. */
    tokenHash: text("token_hash").notNull().unique(),
    invitedById: actorRef("invited_by_id"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: actorRef("accepted_user_id"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    check("invitations_role_check", roleCheck(t.role)),
    index("invitations_open_idx").on(t.createdAt),
    index("invitations_invited_by_idx").on(t.invitedById),
    uniqueIndex("invitations_one_open_per_email")
      .on(sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** Append-only (a trigger refuses UPDATE and DELETE, see db/sql/). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: actorRef("actor_id"),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_events_action_at_idx").on(t.action, t.at),
    // The data export finds a member's events by actor and by the account they concern.
    index("audit_events_actor_idx").on(t.actorId),
    index("audit_events_object_idx").on(t.objectType, t.objectId),
  ],
);
