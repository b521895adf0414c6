import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../../../domain/access/index.ts';
import { orgs } from './orgs.ts';
import { persons } from './people.ts';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    name: text('name').notNull(),
    /** The org the account belongs to; user management is scoped through it. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The person behind a `member` account: their own record is what they see (self-service). */
    personId: integer('person_id').references((): AnyPgColumn => persons.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** The TOTP key (20 random bytes), sealed with a subkey of the deployment key (IdCipher.sealSecret). */
    totpSecret: text('totp_secret'),
    /** A key shown for enrolment, not yet confirmed by a code: it takes effect only then. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is accepted once (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_org_idx').on(t.orgId),
    /** A member has at most one active account (开通账号 refuses a second; docs/security.md §2.1). */
    uniqueIndex('users_active_person_idx')
      .on(t.personId)
      .where(sql`${t.personId} is not null and ${t.deactivatedAt} is null`),
  ],
);

export const role = pgEnum('role', ROLES);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: role('role').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    endsOn: date('ends_on', { mode: 'string' }),
    grantedBy: integer('granted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_assignments_user_idx').on(t.userId), index('role_assignments_org_idx').on(t.orgId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** 'second_factor' while the session has the password but not yet the code (second-factor.ts). */
    pendingStep: text('pending_step'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time recovery codes of a second factor, stored as keyed hashes (IdCipher.keyedHash); used once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Failed logins on names that match no account, counted and locked like an account's own (so that the answers
 * do not tell which names exist). Keyed by a keyed hash of the normalized name: people type passwords into the
 * user-name field, and the raw text is never kept.
 */
export const unknownLoginFailures = pgTable(
  'unknown_login_failures',
  {
    nameHash: text('name_hash').primaryKey(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('unknown_login_failures_last_idx').on(t.lastFailedAt)],
);

/** Personal API tokens, used as `Authorization: Bearer`; shown once, stored hashed. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters, so that a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
