import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsMember } from '../../../domain/membership/index.ts';
import type { Db } from '../../db/client.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { bringAgesToToday, recordRosterChanges } from './rollup.service.ts';
import { refreshSubtrees } from './subtree.service.ts';

/**
 * Member writes in different orgs never wait on each other: each touches only its own orgs' rollup rows
 * and appends to the subtree log; the age date is only share-locked. (PostgreSQL only: PGlite has a single
 * connection, so nothing runs concurrently there.) A wait shows as a lock timeout, not as a timing.
 */
let t: TestApp;
let tree: Tree;
const TODAY = '2026-06-15';
const onServer = !!process.env.DATABASE_URL;

const member = (orgId: number): StatsMember => ({
  orgId,
  status: 'full',
  gender: 'female',
  ethnicity: '01',
  birthDate: '1970-05-01',
  education: '21',
  workPost: '502',
  admittedOn: '1995-07-01',
  category: 'retired',
  isMobile: false,
  isHardship: false,
});

/** A write that must not wait: it fails with a lock timeout instead. */
function writeWithoutWaiting(db: Db, orgId: number) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local lock_timeout = '1s'`);
    await recordRosterChanges({ db: tx, today: TODAY }, [{ before: null, after: member(orgId) }]);
  });
}

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await bringAgesToToday(t.deps.db, TODAY);
});
afterAll(() => t.close());

describe.skipIf(!onServer)('concurrent member writes (PostgreSQL)', () => {
  it('run at once in different orgs, and wait only for the same org', async () => {
    let written: () => void = () => {};
    let release: () => void = () => {};
    const wrote = new Promise<void>((r) => {
      written = r;
    });
    const held = new Promise<void>((r) => {
      release = r;
    });
    const open = t.deps.db.transaction(async (tx) => {
      await recordRosterChanges({ db: tx, today: TODAY }, [
        { before: null, after: member(tree.branchA1.id) },
      ]);
      written();
      await held;
    });
    await wrote;
    try {
      await writeWithoutWaiting(t.deps.db, tree.branchB1.id);
      await writeWithoutWaiting(t.deps.db, tree.groupA1.id);
      expect(await refreshSubtrees(t.deps.db)).toBe(true);
      // The same org's row is the one thing two writers share: that one waits (here, times out).
      await expect(writeWithoutWaiting(t.deps.db, tree.branchA1.id)).rejects.toThrow();
    } finally {
      release();
      await open;
    }
    const stats = await t.deps.db.execute(sql`select sum(member_count)::int as n from org_stats`);
    expect((stats as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(3);
  });
});
