import { bigint, date, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { STAT_KEYS, type StatKey } from '../../../domain/membership/index.ts';
import { ORG_KINDS, type OrgKind } from '../../../domain/org/index.ts';
import { ltree } from '../types.ts';
import { orgs } from './orgs.ts';

function countColumn(key: string) {
  return integer(key).notNull().default(0);
}
type CountColumns<K extends string> = { [P in K]: ReturnType<typeof countColumn> };
const countColumns = Object.fromEntries(STAT_KEYS.map((k) => [k, countColumn(k)])) as CountColumns<StatKey>;

/** Orgs by kind, not dissolved: the org counts a subtree rollup carries next to the roster counts. */
export type OrgCountKey = `org_${OrgKind}`;
export const ORG_COUNT_KEYS: readonly OrgCountKey[] = ORG_KINDS.map((k) => `org_${k}` as const);
/** Every count of an org's own vector in the subtree rollup: its members' keys and its own kind. */
export type SubtreeKey = StatKey | OrgCountKey;
export const SUBTREE_KEYS: readonly SubtreeKey[] = [...STAT_KEYS, ...ORG_COUNT_KEYS];
const subtreeColumns = Object.fromEntries(
  SUBTREE_KEYS.map((k) => [k, countColumn(k)]),
) as CountColumns<SubtreeKey>;

/**
 * The per-org rollup of the roster: one row per org with the counts of its OWN members (not its subtree), so
 * that concurrent member writes in different orgs never touch the same row. Kept in the same transaction as
 * the member writes; age columns are as of `stats_meta`.
 */
export const orgStats = pgTable('org_stats', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => orgs.id),
  ...countColumns,
});

/** The day the age columns of `org_stats` are counted as of; brought forward to today before reads. */
export const statsMeta = pgTable('stats_meta', {
  key: text('key').primaryKey(),
  ageAsOf: date('age_as_of', { mode: 'string' }).notNull(),
});

/**
 * Subtree totals (org + all descendants) of every org's own vector, as of the last refresh: what makes the
 * city root cost as much as a community. Written only by the refresh (never by member writes: no hot row);
 * readers add the changes logged since (org_stats_changes), so that every answer stays exact.
 */
export const orgSubtreeStats = pgTable('org_subtree_stats', {
  orgId: integer('org_id').primaryKey(),
  ...subtreeColumns,
});

/** Each org's own vector and path as the last refresh counted them into org_subtree_stats. */
export const orgStatsBase = pgTable('org_stats_base', {
  orgId: integer('org_id').primaryKey(),
  path: ltree('path').notNull(),
  ...subtreeColumns,
});

/**
 * Orgs whose own vector or place changed since the last refresh: appended in the writer's transaction (the
 * rollup writes, and a trigger on orgs for new orgs, moves, kind changes and dissolutions), never updated, so
 * that writers never wait on one another. The refresh takes the rows it folds in.
 */
export const orgStatsChanges = pgTable('org_stats_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: integer('org_id').notNull(),
});
