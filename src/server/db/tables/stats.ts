import { date, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { STAT_KEYS, type StatKey } from '../../../domain/member-stats.ts';
import { orgs } from './orgs.ts';

type CountColumns = { [K in StatKey]: ReturnType<typeof countColumn> };
function countColumn(key: string) {
  return integer(key).notNull().default(0);
}
const countColumns = Object.fromEntries(STAT_KEYS.map((k) => [k, countColumn(k)])) as CountColumns;

/**
 * The per-org rollup of the roster: one row per org with the counts of its OWN members (not its subtree), so
 * that concurrent member writes in different orgs never touch the same row. A subtree's figures are the sum
 * over its orgs. Kept in the same transaction as the member writes; age columns are as of `stats_meta`.
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
