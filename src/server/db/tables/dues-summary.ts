import { bigint, date, index, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { ltree } from '../types.ts';
import { orgs } from './orgs.ts';

/*
 * The dues collection roll-up (docs/dues.md §10; src/domain/dues/collection.ts): kept by the refresh in
 * modules/dues-summary/rollup.*, from the marks the triggers on dues_charges, dues_ledger and orgs leave (migration
 * `dues-summary`). Money in 分 (bigint: a city's year passes 2^31 分).
 */
const figures = {
  charged: bigint('charged', { mode: 'number' }).notNull(),
  paid: bigint('paid', { mode: 'number' }).notNull(),
  owed: bigint('owed', { mode: 'number' }).notNull(),
  members: integer('members').notNull(),
  paidInFull: integer('paid_in_full').notNull(),
  inArrears: integer('in_arrears').notNull(),
  onTime: integer('on_time').notNull(),
  reduced: integer('reduced').notNull(),
  exempt: integer('exempt').notNull(),
};

/**
 * Per branch (the org of the charges) and month: the figures of its charges. `path` is the org's path as the row
 * was counted into the subtree totals (a move takes it out of the old ancestors and into the new ones).
 */
export const duesRollup = pgTable(
  'dues_rollup',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    path: ltree('path').notNull(),
    ...figures,
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month] })],
);

/**
 * The same figures summed over each org's subtree, itself included, per month: the city root reads one row per
 * month, its children one each. Written only by the refresh, under its lock.
 */
export const duesRollupSubtree = pgTable(
  'dues_rollup_subtree',
  {
    orgId: integer('org_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...figures,
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month] })],
);

/**
 * The branches and months whose figures may have changed since the last refresh: appended by triggers in the
 * writer's transaction (a charge written, a ledger entry for a charged month, an org moved), taken by the refresh.
 */
export const duesRollupMarks = pgTable(
  'dues_rollup_marks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
  },
  (t) => [index('dues_rollup_marks_org_idx').on(t.orgId)],
);
