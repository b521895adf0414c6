import type { OrgKind } from '../../../domain/org/index.ts';
import { type ComplianceRuleSet, complianceUnits } from '../../../domain/org-life/index.ts';
import type { Db } from '../../db/client.ts';
import { transactionWithRetry } from '../../db/retry.ts';
import { loadInputs } from './inputs.repo.ts';
import {
  addHeldYear,
  heldYears,
  loadRuleSets,
  lockRollup,
  readRollupState,
  replaceUnits,
  takeMarks,
  type UnitRow,
} from './rollup.repo.ts';

/*
 * Keeping the compliance roll-up (docs/organizational-life.md §7.5):
 *
 * - Rows: per org and per period of a requirement's cadence, the requirements met / unmet with meetings not closed
 *   / unmet with none, as if the period were over: a row never changes with the date, so there is no daily pass;
 *   the reader applies the day (figuresOfUnits).
 * - Writes: triggers (migration 0032) mark in org_life_dirty, in the writer's transaction, the branch whose
 *   meetings, org row, 党小组, committee or exemptions a statement changed, whoever writes them. A meeting's close
 *   costs its writer one insert.
 * - Refresh before reads: a read first asks one cheap question (marks waiting? year held?) and otherwise takes
 *   the marks under the roll-up's lock and recomputes the marked orgs' rows of every year held, in a transaction
 *   of its own. Chosen over the writer's transaction because the evaluation runs in the domain (TypeScript), so
 *   a refresh costs a few round trips that a close of a meeting (frequent, interactive) would otherwise pay; the
 *   reads that follow a burst of writes pay once for all of them. Marks of writers not yet committed stay for the
 *   next read, and a refresh reads their inputs after taking the marks: nothing committed is ever missed.
 * - Years: a year is computed for every org on its first read (the naive cost, once), then kept.
 * - Subtree totals (org_life_subtree): per org and period key, the sums over its subtree, so that the city root
 *   reads as few rows as a community (itself and its children). The refresh moves the difference of each row it
 *   replaces along the org's ancestors (out of the old path's, into the new's); no hot row: writers only append
 *   marks, and only the refresh, under its lock, ever writes an ancestor's total.
 */

/** The org kinds some version of the rules applies to: only those have rows. */
export function kindsOf(sets: readonly ComplianceRuleSet[]): OrgKind[] {
  return [...new Set(sets.flatMap((s) => s.requirements.flatMap((r) => [...r.appliesTo])))];
}

/** The rows of `year` of these orgs (every org: 'all'), from the domain's evaluation. */
async function computeUnits(
  db: Db,
  ids: readonly number[] | 'all',
  year: number,
  sets: readonly ComplianceRuleSet[],
): Promise<UnitRow[]> {
  const y = String(year).padStart(4, '0');
  const inputs = await loadInputs(db, { ids, kinds: kindsOf(sets) }, `${y}-01-01`, `${y}-12-31`);
  const rows: UnitRow[] = [];
  for (const { org, path, meetings, exemptions } of inputs) {
    for (const unit of complianceUnits(org, { year }, meetings, sets, exemptions))
      rows.push({ ...unit, orgId: Number(org.id), path });
  }
  return rows;
}

async function recompute(db: Db, ids: readonly number[] | 'all', years: readonly number[]): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return;
  const sets = await loadRuleSets(db);
  for (const year of years) await replaceUnits(db, ids, year, await computeUnits(db, ids, year, sets));
}

/**
 * Before a read of `year`: nothing (one query) when no marks wait and the year is held; else, under the lock, the
 * marked orgs recomputed for every year held, and the year computed for every org if it was not held.
 */
export async function keepRollupCurrent(ctx: { readonly db: Db }, year: number): Promise<void> {
  const state = await readRollupState(ctx.db, year);
  if (!state.marked && state.held) return;
  await transactionWithRetry(ctx.db, (db) => refreshUnderLock(db, [year]));
}

/**
 * The same for `years`, in the caller's transaction (the to-dos' daily pass reads the roll-up in its own, so that
 * what it reads is what it refreshed): the roll-up's lock is then held until that transaction ends. A year not held
 * is computed for every org (once; the compliance pages keep it after).
 */
export async function keepRollupCurrentIn(tx: { readonly db: Db }, years: readonly number[]): Promise<void> {
  let current = true;
  for (const year of years) {
    const state = await readRollupState(tx.db, year);
    if (state.marked || !state.held) current = false;
  }
  if (!current) await refreshUnderLock(tx.db, years);
}

async function refreshUnderLock(db: Db, years: readonly number[]): Promise<void> {
  await lockRollup(db);
  const marks = await takeMarks(db);
  const held = await heldYears(db);
  await recompute(db, marks, held);
  for (const year of years) {
    if (held.includes(year)) continue;
    await recompute(db, 'all', [year]);
    await addHeldYear(db, year);
  }
}
