import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../domain/shared/index.ts';
import { type Db, queryRows } from '../db/client.ts';
import { seedTree, type Tree } from '../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { selectAllFindings } from './findings.repo.ts';
import { keepFindingsCurrent, recomputeFindings, settleFindings } from './keep.ts';
import type { LocatedFinding } from './producer.ts';
import type { TodoRegistry } from './registry.ts';

/**
 * Writers that settle the findings table at once (PostgreSQL only: PGlite has one connection, nothing runs
 * concurrently there). Each case is built so that a refresh without its lock, or without checking the table's
 * day, would leave a row that a full recomputation does not give.
 */
const onServer = !!process.env.DATABASE_URL;
const OLD_DAY = '2026-06-15' as IsoDate;
const NEW_DAY = '2026-06-16' as IsoDate;

let t: TestApp;
let tree: Tree;
let registry: TodoRegistry;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  const todos = t.deps.todos;
  if (!todos) throw new Error('the test app has no to-do registry');
  registry = todos;
});
afterAll(() => t.close());

/** The roster counts of an org's own members, as the rollup keeps them (the trigger marks its branch). */
async function setCounts(db: Db, orgId: number, members: number, full: number): Promise<void> {
  await db.execute(
    sql`insert into org_stats (org_id, member_count, status_full) values (${orgId}, ${members}, ${full})
        on conflict (org_id) do update set member_count = excluded.member_count, status_full = excluded.status_full`,
  );
}

async function addFullMember(db: Db, orgId: number): Promise<void> {
  await db.execute(
    sql`update org_stats set member_count = member_count + 1, status_full = status_full + 1 where org_id = ${orgId}`,
  );
}

function sorted(list: readonly LocatedFinding[]): LocatedFinding[] {
  // An org may have several findings of one kind, one per member or transfer they are about.
  const key = (f: LocatedFinding) =>
    `${String(f.orgId).padStart(8, '0')} ${f.finding.kind} ${f.finding.subject?.type ?? ''}${String(f.finding.subject?.id ?? 0).padStart(10, '0')}`;
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

async function recomputed(date: IsoDate): Promise<LocatedFinding[]> {
  const found: LocatedFinding[] = [];
  for (const p of registry.producers)
    found.push(...(await p.produce({ db: t.deps.db }, { orgs: 'all', date })));
  return sorted(found);
}

async function asOf(): Promise<string | null> {
  const [row] = await queryRows<{ as_of: string | null }>(
    t.deps.db,
    sql`select as_of::text as as_of from findings_meta where key = 'findings'`,
  );
  return row?.as_of ?? null;
}

/** Resolves once some session waits for an advisory lock: the refresh under test is blocked where it should be. */
async function someoneWaitsForALock(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
    );
    if (Number(row?.n) > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no refresh waited for a lock');
}

/** A transaction that does `work`, settles, then holds its locks open until `release` is called. */
function heldOpen(work: (db: Db) => Promise<void>) {
  let release: () => void = () => {};
  let ready: () => void = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  const done = new Promise<void>((r) => {
    ready = r;
  });
  const committed = t.deps.db.transaction(async (tx) => {
    await work(tx);
    ready();
    await held;
  });
  return { ready: done, release, committed };
}

describe.skipIf(!onServer)('the findings table under concurrent writers (PostgreSQL)', () => {
  beforeEach(async () => {
    await t.deps.db.execute(sql`delete from findings_meta`);
    await setCounts(t.deps.db, tree.branchA1.id, 1, 1);
    await setCounts(t.deps.db, tree.groupA1.id, 0, 0);
    await t.deps.db.execute(sql`delete from leadership_posts where org_id = ${tree.branchA1.id}`);
  });

  it('two writers in one branch, on different rows, see each other: the second waits for the first', async () => {
    await keepFindingsCurrent({ db: t.deps.db, today: OLD_DAY }, registry);
    expect((await selectAllFindings(t.deps.db)).map((f) => [f.orgId, f.finding.kind])).toContainEqual([
      tree.branchA1.id,
      'branch_too_few_members',
    ]);
    // 1 正式党员 in the branch; one writer adds one to its 党小组, the other one to the branch itself: 3 in all.
    const first = heldOpen(async (db) => {
      await addFullMember(db, tree.groupA1.id);
      await settleFindings({ db }, registry);
    });
    await first.ready;
    let secondDone = false;
    const second = t.deps.db
      .transaction(async (db) => {
        await addFullMember(db, tree.branchA1.id);
        await settleFindings({ db }, registry);
      })
      .then(() => {
        secondDone = true;
      });
    try {
      await someoneWaitsForALock();
      expect(secondDone).toBe(false);
    } finally {
      first.release();
    }
    await Promise.all([first.committed, second]);
    expect(sorted(await selectAllFindings(t.deps.db))).toEqual(await recomputed(OLD_DAY));
    expect(
      (await selectAllFindings(t.deps.db)).some(
        (f) => f.orgId === tree.branchA1.id && f.finding.kind === 'branch_too_few_members',
      ),
    ).toBe(false);
  });

  it('a writer that waited for the daily pass computes for the new day, not the one it first read', async () => {
    // 7 正式党员 (enough for a committee) and a 委员 whose post ends on the new day: no finding on the old day,
    // 应设支部委员会 on the new one.
    await setCounts(t.deps.db, tree.branchA1.id, 7, 7);
    await t.deps.db.execute(
      sql`insert into leadership_posts (org_id, post, holder_name, started_on, left_on)
          values (${tree.branchA1.id}, 'committee_member', '测试委员', '2024-01-01', ${NEW_DAY})`,
    );
    await keepFindingsCurrent({ db: t.deps.db, today: OLD_DAY }, registry);
    const committeeFinding = async () =>
      (await selectAllFindings(t.deps.db)).filter(
        (f) => f.orgId === tree.branchA1.id && f.finding.kind === 'branch_needs_committee',
      ).length;
    expect(await committeeFinding()).toBe(0);
    const dailyPass = heldOpen((db) => recomputeFindings({ db }, registry, NEW_DAY));
    await dailyPass.ready;
    const writer = t.deps.db.transaction(async (db) => {
      await addFullMember(db, tree.branchA1.id);
      await settleFindings({ db }, registry);
    });
    try {
      await someoneWaitsForALock();
    } finally {
      dailyPass.release();
    }
    await Promise.all([dailyPass.committed, writer]);
    expect(await asOf()).toBe(NEW_DAY);
    expect(await committeeFinding()).toBe(1);
    expect(sorted(await selectAllFindings(t.deps.db))).toEqual(await recomputed(NEW_DAY));
  });
});
