import {
  AGE_KEYS,
  addMember,
  bandChangingBirthDates,
  rosterDelta,
  type StatsMember,
  type StatVector,
} from '../../../domain/membership/index.ts';
import { addDays, daysBetween, type IsoDate } from '../../../domain/shared/index.ts';
import type { WorkCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import {
  addToOrgStats,
  ageAsOfForShift,
  ageAsOfForWrite,
  lockAgesForRecount,
  readAgeAsOf,
  recountOrgStats,
  rosterMembersBornOn,
  setAgeAsOf,
} from './rollup.repo.ts';
import { lockRefresh, logOrgChanges, recountSubtrees } from './subtree.repo.ts';

/** A member as it was and as it is after a write; null for "did not exist" / "no longer counted". */
export type RosterChange = { readonly before: StatsMember | null; readonly after: StatsMember | null };

function mergeInto(target: Map<number, StatVector>, orgId: number, delta: StatVector): void {
  const v = target.get(orgId) ?? {};
  for (const [k, n] of Object.entries(delta) as [keyof StatVector, number][]) v[k] = (v[k] ?? 0) + n;
  target.set(orgId, v);
}

async function applyDeltas(tx: Db, deltas: Map<number, StatVector>): Promise<void> {
  // In org order, so that two transactions touching the same orgs lock them in the same order.
  const orgIds = [...deltas.keys()].sort((a, b) => a - b);
  for (const orgId of orgIds) await addToOrgStats(tx, orgId, deltas.get(orgId) as StatVector);
  // The subtree rollup learns of them through its log (appended, so no writer waits on another).
  await logOrgChanges(tx, orgIds);
}

/**
 * Keeps the per-org rollup exact: call it in the SAME transaction as the member writes it counts (`tx.db`), with
 * every member as it was before and after, ages as of `tx.today`. Only the rows of the orgs concerned are touched
 * (no city-wide hot row); the shared lock on the age date only keeps a birthday shift from running in between.
 */
export async function recordRosterChanges(
  tx: Pick<WorkCtx, 'db' | 'today'>,
  changes: readonly RosterChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const asOf = await ageAsOfForWrite(tx.db, tx.today);
  const deltas = new Map<number, StatVector>();
  for (const { before, after } of changes) {
    for (const [orgId, delta] of rosterDelta(before, after, asOf)) mergeInto(deltas, orgId, delta);
  }
  await applyDeltas(tx.db, deltas);
}

function ageOnly(v: StatVector): StatVector {
  return Object.fromEntries(Object.entries(v).filter(([k]) => AGE_KEYS.includes(k as never)));
}

/** Moves the members whose age band changes on `day` from yesterday's band to today's. */
async function shiftOneDay(tx: Db, day: IsoDate): Promise<void> {
  const deltas = new Map<number, StatVector>();
  for (const m of await rosterMembersBornOn(tx, bandChangingBirthDates(day))) {
    const change = addMember(addMember({}, m, addDays(day, -1), -1), m, day, 1);
    mergeInto(deltas, m.orgId, ageOnly(change));
  }
  await applyDeltas(tx, deltas);
}

/**
 * Recounts every org from the roster, as of `today`, and the subtree rollup from it: after a bulk load, for a
 * long gap, or to repair. Takes the age-date lock first, so that writers wait (they share-lock it) instead of
 * adding deltas in between.
 */
export async function rebuildRollup(tx: Db, today: IsoDate): Promise<void> {
  await lockAgesForRecount(tx, today);
  await recountOrgStats(tx, today);
  await setAgeAsOf(tx, today);
  // Then the subtree rollup from it, serialized with its refreshes.
  await lockRefresh(tx, true);
  await recountSubtrees(tx);
}

/** Past this many days, a full recount is cheaper than shifting day by day. */
const MAX_SHIFT_DAYS = 62;

/**
 * Brings the age columns to `today` before a read, so that age bands are exact as of the day asked: only the
 * members with a band-changing birthday since the last count move. Idempotent and cheap when current.
 */
export async function bringAgesToToday(db: Db, today: IsoDate): Promise<void> {
  const current = await readAgeAsOf(db);
  if (current === today) return;
  await db.transaction(async (tx) => {
    const asOf = await ageAsOfForShift(tx);
    if (asOf === null) {
      await setAgeAsOf(tx, today);
      return;
    }
    if (asOf === today) return;
    // A clock set back (a test, a corrected server time) cannot shift backwards: recount.
    if (asOf > today || daysBetween(asOf, today) > MAX_SHIFT_DAYS) {
      await rebuildRollup(tx, today);
      return;
    }
    for (let day = addDays(asOf, 1); day <= today; day = addDays(day, 1)) await shiftOneDay(tx, day);
    await setAgeAsOf(tx, today);
  });
}
