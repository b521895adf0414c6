import {
  type DuesCharge,
  type DuesRuleSet,
  type MissingCharge,
  type MonthKey,
  memberCharges,
  monthOf,
} from '../../../domain/dues/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { transactionWithRetry } from '../../db/retry.ts';
import {
  addHeldMonth,
  beginBulkRewrite,
  type ChargeRow,
  endBulkRewrite,
  heldMonths,
  loadDuesRuleSets,
  loadFacts,
  lockCharges,
  type Marks,
  readChargesOf,
  readChargesState,
  replaceCharges,
  takeMarks,
} from './charges.repo.ts';

/*
 * Keeping the monthly charges (dues_charges, docs/dues.md §8) exact, like the compliance roll-up keeps its rows:
 *
 * - Months: only the months generated (dues_months) have rows. The monthly pass (charges.upkeep.ts) generates the
 *   current month for every member when it is not yet held; `POST /api/dues/charges/generate` any month up to the
 *   current one, on demand; a read of the charges generates the current month first if the pass has not.
 * - Writes: triggers (migration 0042) mark in dues_charge_marks, in the writer's transaction, the member whose
 *   record, history, bases or reductions a statement changed (from the month it changed), or every member (a new
 *   version of the rules), whoever writes them.
 * - Refresh before reads: one cheap question (marks waiting? current month held?), else the marks taken under the
 *   charges' lock and those members' charges recomputed in the domain for the months held from the mark's month on,
 *   in a transaction of its own; rows no longer owed deleted, changed ones updated, the rest untouched. Marks of
 *   writers not yet committed stay for the next read, which reads their inputs after taking them.
 */

/** Members read and written per statement by the monthly pass. */
const CHUNK = 20_000;

/** The first day of the year of the earliest month: history before it never decides a month computed. */
const sinceOf = (months: readonly MonthKey[]): IsoDate =>
  `${[...months].sort()[0]?.slice(0, 4) ?? '1900'}-01-01`;

export type GenerateOutcome = {
  readonly month: MonthKey;
  /** Charges kept for the month, and members who owe it without a base on record (未核定基数). */
  readonly charged: number;
  readonly missing: number;
};

/**
 * Every member's charges of these months recomputed, chunk by chunk in id order (the monthly pass, a new rule), each
 * branch-month marked once for the roll-up rather than once per chunk (beginBulkRewrite).
 */
async function recomputeEveryMember(
  db: Db,
  months: readonly MonthKey[],
  sets: readonly DuesRuleSet[],
): Promise<{ charged: number; missing: number }> {
  let after = 0;
  let charged = 0;
  let missing = 0;
  if (months.length === 0) return { charged, missing };
  const since = sinceOf(months);
  await beginBulkRewrite(db, months);
  for (;;) {
    const facts = await loadFacts(db, { after, limit: CHUNK }, since);
    const last = facts.at(-1)?.memberId ?? after;
    const rows: DuesCharge[] = [];
    for (const f of facts) {
      const out = memberCharges(f, months, sets);
      rows.push(...out.charges);
      missing += out.missing.length;
    }
    charged += rows.length;
    const final = facts.length < CHUNK;
    await replaceCharges(db, { fromId: after, toId: final ? null : last }, months, rows);
    if (final) {
      await endBulkRewrite(db, months);
      return { charged, missing };
    }
    after = last;
  }
}

/** These members' charges recomputed for the months held from their mark's month on. */
async function recomputeMarked(
  db: Db,
  marks: Marks,
  held: readonly MonthKey[],
  sets: readonly DuesRuleSet[],
): Promise<void> {
  if (marks.all !== false) {
    const from = marks.all;
    await recomputeEveryMember(
      db,
      held.filter((m) => from === null || m >= from),
      sets,
    );
  }
  const byFrom = new Map<string, number[]>();
  for (const [memberId, from] of marks.members) {
    const key = from ?? '';
    const ids = byFrom.get(key);
    if (ids) ids.push(memberId);
    else byFrom.set(key, [memberId]);
  }
  for (const [from, ids] of byFrom) {
    const months = held.filter((m) => from === '' || m >= from);
    if (months.length === 0) continue;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const facts = await loadFacts(db, { ids: part }, sinceOf(months));
      const rows = facts.flatMap((f) => memberCharges(f, months, sets).charges);
      await replaceCharges(db, { ids: part }, months, rows);
    }
  }
}

/**
 * Generates `month` for every member, in the caller's transaction, under the charges' lock (the caller takes it):
 * the month held from now on, every member's charge computed (set-based: members read in chunks with their facts,
 * computed in the domain, written with arrays). Generating a month held already computes it again (no change when
 * nothing changed).
 */
export async function generateIn(db: Db, month: MonthKey, by: number | null): Promise<GenerateOutcome> {
  await addHeldMonth(db, month, by);
  const sets = await loadDuesRuleSets(db);
  const { charged, missing } = await recomputeEveryMember(db, [month], sets);
  return { month, charged, missing };
}

/** `generateMonth(db, month)`: the month generated for every member, in a transaction of its own (the pass, the bench). */
export async function generateMonth(db: Db, month: MonthKey): Promise<GenerateOutcome> {
  return transactionWithRetry(db, async (tx) => {
    await lockCharges(tx);
    return generateIn(tx, month, null);
  });
}

/**
 * Before a read of the charges (docs/dues.md §8): nothing (one query) when no marks wait and the current month is
 * held; else, under the lock, the marked members recomputed for every month held, and the current month generated
 * for every member if it is not held yet.
 */
export async function refreshCharges(db: Db, today: IsoDate): Promise<void> {
  const month = monthOf(today);
  const state = await readChargesState(db, month);
  if (!state.marked && state.held) return;
  await transactionWithRetry(db, async (tx) => {
    await lockCharges(tx);
    const marks = await takeMarks(tx);
    const held = await heldMonths(tx);
    const sets = await loadDuesRuleSets(tx);
    await recomputeMarked(tx, marks, held, sets);
    if (!held.includes(month)) await generateIn(tx, month, null);
  });
}

/**
 * The charges of these members from `from` to `to` (months, both included): a read of the table, which the caller
 * brings up to date first (`refreshCharges`, outside its transaction).
 */
export async function chargesOf(
  db: Db,
  memberIds: readonly number[],
  from: MonthKey,
  to: MonthKey,
): Promise<ChargeRow[]> {
  return readChargesOf(db, memberIds, from, to);
}

/**
 * The months these members owe from `from` to `to` that cannot be charged for want of a base (未核定基数, docs/dues.md
 * §8), computed on request (they have no row): for a sheet or a member's page, a few members at a time.
 */
export async function missingChargesOf(
  db: Db,
  memberIds: readonly number[],
  months: readonly MonthKey[],
): Promise<MissingCharge[]> {
  if (memberIds.length === 0 || months.length === 0) return [];
  const sets = await loadDuesRuleSets(db);
  const facts = await loadFacts(db, { ids: memberIds }, sinceOf(months));
  return facts.flatMap((f) => memberCharges(f, months, sets).missing);
}

/** What the rules give a member for these months (held or not), computed on request: for checking a reduction. */
export async function computeMemberMonths(
  db: Db,
  memberId: number,
  months: readonly MonthKey[],
): Promise<{ charges: DuesCharge[]; missing: MissingCharge[] }> {
  const sets = await loadDuesRuleSets(db);
  const [facts] = await loadFacts(db, { ids: [memberId] }, sinceOf(months));
  if (!facts) return { charges: [], missing: [] };
  return memberCharges(facts, months, sets);
}
