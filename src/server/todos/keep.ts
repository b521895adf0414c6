import type { IsoDate } from '../../domain/shared/index.ts';
import type { Db } from '../db/client.ts';
import { transactionWithRetry } from '../db/retry.ts';
import {
  analyzeFindings,
  deleteUnownedFindings,
  lockTable,
  type Mark,
  readAsOf,
  readState,
  replaceFindingsOfDay,
  setAsOf,
  takeMarks,
  takeMarksLocked,
} from './findings.repo.ts';
import type { TodoInput } from './inputs.ts';
import type { OrgSelection, TodoProducer } from './producer.ts';
import type { TodoRegistry } from './registry.ts';

/*
 * Keeping the findings table (ARCHITECTURE.md, "The to-do registry"):
 *
 * - The table holds every finding of every producer as of ONE day, findings_meta.as_of.
 * - Writes: triggers on the inputs' tables (migration 0011) mark the orgs whose inputs a statement changed, whatever
 *   service writes them. At the end of every transaction of the kernel (context.ts, inTransaction) settleFindings
 *   takes the marks and recomputes, for the table's day, the findings of the producers resting on those inputs,
 *   for those orgs only: in the writer's transaction, so that a committed write is in the table.
 * - The day: a read first calls keepFindingsCurrent (one cheap query). When the table is of another day (or was
 *   never filled), it recomputes the date-driven producers for every org, for today, before reading; it also takes
 *   marks that a write outside the kernel's transactions left (a script, a test fixture). The app runs the same
 *   pass when it starts and every few minutes (upkeep.ts), so that the first read of a day seldom waits for it.
 * - Concurrency (PostgreSQL): a whole recomputation holds the table's lock exclusively, a writer's refresh holds it
 *   shared plus a lock per org it recomputes, until commit, taken in its first statement (takeMarksLocked) with the
 *   marks; its producers read their inputs after that, so two writers touching the same org see each other's
 *   committed rows. The day read in that first statement may predate a recomputation it waited for: every
 *   replacement writes only into a table of the day it computed for, and says which day the table is of.
 * - Cost: a member write whose branch has no finding costs three statements (marks and locks, the producer's query,
 *   the replacement), each producer resting on what the write changed adding its query and its replacement.
 */

/** Past this many orgs at once, a producer recomputes every org: one set-based query beats a long list of ids. */
const EVERY_ORG_FROM = 2_000;

type Step = { readonly producer: TodoProducer; readonly orgs: OrgSelection };

/** What the marks ask for: each producer resting on a marked input, for the orgs marked for those inputs. */
function planFor(registry: TodoRegistry, marks: readonly Mark[]): Step[] {
  const byInput = new Map<TodoInput, Set<number> | 'all'>();
  for (const { orgId, input } of marks) {
    const ids = byInput.get(input);
    if (ids === 'all') continue;
    if (orgId === null) byInput.set(input, 'all');
    else if (ids) ids.add(orgId);
    else byInput.set(input, new Set([orgId]));
  }
  return registry.producers.flatMap((producer) => {
    const ids = new Set<number>();
    for (const input of producer.inputs) {
      const marked = byInput.get(input);
      if (marked === 'all') return [{ producer, orgs: 'all' as const }];
      for (const id of marked ?? []) ids.add(id);
    }
    if (ids.size === 0) return [];
    return [{ producer, orgs: ids.size >= EVERY_ORG_FROM ? ('all' as const) : [...ids] }];
  });
}

/** A producer that gives another's kind, or an org not asked for, is a programming error: refused loudly. */
function checked(step: Step, found: Awaited<ReturnType<TodoProducer['produce']>>) {
  const asked = step.orgs === 'all' ? null : new Set(step.orgs);
  for (const { orgId, finding } of found) {
    if (!step.producer.kinds.includes(finding.kind) || (asked !== null && !asked.has(orgId)))
      throw new Error(
        `to-do producer ${step.producer.name} gave ${finding.kind} for org ${orgId}, not asked for`,
      );
  }
  return found;
}

/**
 * Runs the steps for `date`; returns the day the table turned out to be of. It differs only when a whole
 * recomputation committed between the refresh's first statement and its lock (takeMarksLocked): nothing was
 * written then, and the caller runs again for that day.
 */
async function run(db: Db, steps: readonly Step[], date: IsoDate): Promise<IsoDate | null> {
  for (const step of steps) {
    const found = checked(step, await step.producer.produce({ db }, { orgs: step.orgs, date }));
    const asOf = await replaceFindingsOfDay(db, date, step.producer.kinds, step.orgs, found);
    if (asOf !== date) return asOf;
  }
  return date;
}

/**
 * The end of a write's transaction (`tx.db` is the transaction): recomputes, for the table's day, the findings
 * the marks of this transaction (and any left by earlier writes) ask for. A member write costs three statements
 * when its branch has no roster finding: the marks and locks, the producer's query, the replacement.
 */
export async function settleFindings(tx: { readonly db: Db }, registry: TodoRegistry): Promise<void> {
  const { marks, asOf } = await takeMarksLocked(tx.db, EVERY_ORG_FROM);
  if (marks.length === 0) return;
  const steps = planFor(registry, marks);
  // Never filled: the first read (or the start-up pass) fills it whole, these writes with it.
  for (let day = asOf, attempt = 0; day !== null && steps.length > 0; attempt++) {
    if (attempt === 2) throw new Error('the findings table changed its day twice under a held lock');
    const found = await run(tx.db, steps, day);
    if (found === day) return;
    day = found;
  }
}

/**
 * Brings the table to `date` in the caller's transaction: every producer for every org when it was never filled,
 * else the date-driven ones (and what the marks ask of the others); then the table is of `date`.
 */
export async function recomputeFindings(
  tx: { readonly db: Db },
  registry: TodoRegistry,
  date: IsoDate,
): Promise<void> {
  await lockTable(tx.db, 'exclusive');
  const asOf = await readAsOf(tx.db);
  const marks = await takeMarks(tx.db);
  const everything = asOf === null;
  const steps: Step[] =
    asOf === date
      ? planFor(registry, marks)
      : [
          ...registry.producers
            .filter((p) => everything || p.dated)
            .map((producer) => ({ producer, orgs: 'all' as const })),
          ...planFor(registry, marks).filter((s) => !(everything || s.producer.dated)),
        ];
  if (everything)
    await deleteUnownedFindings(
      tx.db,
      registry.producers.flatMap((p) => p.kinds),
    );
  // The day first: each replacement writes only into a table of the day it computed for.
  await setAsOf(tx.db, date);
  if ((await run(tx.db, steps, date)) !== date)
    throw new Error('the findings table changed its day under its lock');
  // Every row rewritten: the planner's picture of the table is made anew (a city's list scans it, a street's
  // walks the path index).
  if (steps.some((s) => s.orgs === 'all')) await analyzeFindings(tx.db);
}

/**
 * Before a read of the table on `today`: nothing to do (one query) when it is of today and no marks wait; else the
 * daily pass, or the marks a write outside the kernel's transactions left, in a transaction of its own.
 */
export async function keepFindingsCurrent(
  ctx: { readonly db: Db; readonly today: IsoDate },
  registry: TodoRegistry,
): Promise<void> {
  const state = await readState(ctx.db);
  if (state.asOf === ctx.today && !state.marked) return;
  await transactionWithRetry(ctx.db, async (db) => {
    if (state.asOf === ctx.today) await settleFindings({ db }, registry);
    else await recomputeFindings({ db }, registry, ctx.today);
  });
}
