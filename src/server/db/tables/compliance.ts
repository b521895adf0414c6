import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ComplianceRequirement } from '../../../domain/org-life/index.ts';
import { ltree } from '../types.ts';
import { orgs } from './orgs.ts';
import { users } from './users.ts';

/**
 * The deployment's versions of the rules of organizational life (CFG, docs/organizational-life.md §7.2): none
 * means the default (DEFAULT_COMPLIANCE_RULES). A version applies from `valid_from` until the next one's.
 */
export const orgLifeRuleSets = pgTable('org_life_rule_sets', {
  version: text('version').primaryKey(),
  validFrom: date('valid_from', { mode: 'string' }).notNull().unique(),
  oneMeetingManyKinds: boolean('one_meeting_many_kinds').notNull(),
  reminderDays: integer('reminder_days').notNull(),
  requirements: jsonb('requirements').$type<ComplianceRequirement[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** The optimistic lock of a version not yet in force (`version` is its name): moved on by each change. */
  revision: integer('revision').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 免于考核 (docs/organizational-life.md §7.3): one requirement of one org waived for one of its periods (and one
 * 党小组), with its reason, approved by a user of the level above (org_life.exempt over the org's parent).
 */
export const orgLifeExemptions = pgTable(
  'org_life_exemptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    requirementId: text('requirement_id').notNull(),
    /** periodKey of the requirement's own period: `2026-03`, `2026-Q1`, `2026`. */
    periodKey: text('period_key').notNull(),
    groupId: integer('group_id').references(() => orgs.id),
    reason: text('reason').notNull(),
    approvedBy: integer('approved_by')
      .notNull()
      .references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_life_exemptions_unique').on(
      t.orgId,
      t.requirementId,
      t.periodKey,
      sql`coalesce(${t.groupId}, 0)`,
    ),
    check('org_life_exemptions_reason_check', sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * The compliance roll-up (docs/organizational-life.md §7.5): per org and per period of a requirement's cadence
 * (`2026-07`, `2026-Q3`, `2026`) the requirements met, those unmet with a meeting held but not closed, and those
 * unmet with none — counted as if every period were over, so that a row never changes with the date alone (the
 * reader applies the day: an unmet requirement of a period not yet over is `due` or nothing). `path` is the org's
 * path as its row was counted into the subtree totals (a move is taken out of the old ancestors and into the new).
 * Written only by the refresh (modules/compliance/rollup.service.ts).
 */
export const orgLifeCompliance = pgTable(
  'org_life_compliance',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    path: ltree('path').notNull(),
    periodKey: text('period_key').notNull(),
    met: integer('met').notNull(),
    notClosed: integer('not_closed').notNull(),
    unmet: integer('unmet').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.periodKey] })],
);

/**
 * The same counts summed over each org's subtree (itself and every descendant), per period key: what makes the city
 * root cost as much as a community (a read takes the org's and its children's rows). Written only by the refresh,
 * under its lock, from the differences of the rows it replaces: writers never touch an ancestor's row.
 */
export const orgLifeSubtree = pgTable(
  'org_life_subtree',
  {
    orgId: integer('org_id').notNull(),
    periodKey: text('period_key').notNull(),
    met: integer('met').notNull(),
    notClosed: integer('not_closed').notNull(),
    unmet: integer('unmet').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.periodKey] })],
);

/** The years the roll-up holds (computed for every org on their first read). */
export const orgLifeComplianceYears = pgTable('org_life_compliance_years', {
  year: integer('year').primaryKey(),
});

/**
 * Orgs whose compliance inputs changed since the last refresh: appended by triggers on meetings, orgs, committee
 * terms, exemptions and rule sets (migration 0031) in the writer's transaction, never updated, taken by the
 * refresh before a read. `org_id` null: every org (a new version of the rules).
 */
export const orgLifeDirty = pgTable('org_life_dirty', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: integer('org_id'),
});
