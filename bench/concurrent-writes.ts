import { sql } from 'drizzle-orm';
import type { StatsMember } from '../src/domain/membership/index.ts';
import type { IsoDate } from '../src/domain/shared/index.ts';
import { type Db, queryRows } from '../src/server/db/client.ts';
import { recordRosterChanges } from '../src/server/modules/stats/index.ts';

/**
 * Member writes in different orgs must not wait on each other (no hot row; the age date is only
 * share-locked). Each write here is a real rollup write that nets to zero (a member counted in, then out:
 * the org's row is updated and locked) held open for HOLD_MS; with lock_timeout set, a wait would fail.
 */
const HOLD_MS = 100;
const WRITERS = 16;

const member = (orgId: number): StatsMember => ({
  orgId,
  status: 'full',
  gender: 'male',
  ethnicity: '01',
  birthDate: '1960-01-01',
  education: '21',
  workPost: '502',
  admittedOn: '1990-07-01',
  category: 'retired',
  isMobile: false,
  isHardship: false,
});

async function write(db: Db, today: IsoDate, orgId: number): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '${sql.raw(String(HOLD_MS * 5))}ms'`);
      await recordRosterChanges({ db: tx, today }, [
        { before: null, after: member(orgId) },
        { before: member(orgId), after: null },
      ]);
      await tx.execute(sql`select pg_sleep(${HOLD_MS / 1000})`);
    });
    return true;
  } catch {
    return false;
  }
}

export async function concurrentWrites(db: Db, today: IsoDate) {
  const orgs = await queryRows<{ org_id: number }>(
    db,
    sql`select org_id from org_stats order by org_id limit ${WRITERS}`,
  );
  const started = performance.now();
  const done = await Promise.all(orgs.map((o) => write(db, today, o.org_id)));
  const elapsedMs = Math.round(performance.now() - started);
  // Serialized, the writes would take WRITERS × HOLD_MS; the pool (10 connections) bounds the parallelism.
  return {
    writers: orgs.length,
    holdMs: HOLD_MS,
    failedOnLockTimeout: done.filter((ok) => !ok).length,
    elapsedMs,
    serializedWouldTakeMs: orgs.length * HOLD_MS,
  };
}

/** Logs `count` changes for the subtree rollup with real, net-zero rollup writes in as many orgs. */
export async function touchOrgs(db: Db, today: IsoDate, count: number): Promise<void> {
  const orgs = await queryRows<{ org_id: number }>(
    db,
    sql`select org_id from org_stats order by org_id desc limit ${count}`,
  );
  for (const o of orgs) {
    await db.transaction((tx) =>
      recordRosterChanges({ db: tx, today }, [
        { before: null, after: member(o.org_id) },
        { before: member(o.org_id), after: null },
      ]),
    );
  }
}
