import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../domain/people/index.ts';
import { inTransaction, jobCtx, readClock } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { MODULES } from '../modules/index.ts';
import { insertMemberRows, type NewMemberRow } from '../modules/members/index.ts';
import type { Module } from '../modules/module.ts';
import { seedTree, type Tree } from '../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { keepFindingsCurrent } from './keep.ts';
import type { TodoProducer } from './producer.ts';
import type { TodoRegistry } from './registry.ts';

/**
 * A job (start-up data, the recovery command, a script) writes through the same kernel as a request: with the app's
 * to-do producers in its context (context.ts, jobCtx; main.ts wires them), the findings its writes change are
 * settled in its own transaction, and no mark is left for the next read. The producer is the test's own (the
 * branches with members on the roster, under a kind freed for it), so that only the kernel is under test.
 */
const onRoster: TodoProducer = {
  name: 'test.on-roster',
  kinds: ['branch_too_large'],
  severities: ['warning'],
  article: 'docs/design.md §4',
  inputs: ['roster'],
  dated: false,
  async produce({ db }, { orgs }) {
    const rows = await queryRows<{ orgId: number; n: number }>(
      db,
      sql`select org_id as "orgId", count(*)::int as n from members
          ${orgs === 'all' ? sql`` : sql`where org_id = any(${sql.param([...orgs])}::int[])`}
          group by org_id`,
    );
    return rows.map((r) => ({
      orgId: Number(r.orgId),
      finding: {
        kind: 'branch_too_large' as const,
        severity: 'warning' as const,
        message: `名册上有${r.n}名党员`,
        article: '测试条例第一条',
        date: null,
        days: null,
      },
    }));
  },
};
const testModule: Module = { name: 'test-module', registerRoutes: () => {}, todoProducers: [onRoster] };
const modules = [...MODULES.map((m) => ({ ...m, todoProducers: [] })), testModule];
let t: TestApp;
let tree: Tree;
let registry: TodoRegistry;
let serial = 0;

function fullMember(orgId: number): NewMemberRow {
  serial++;
  const birthDate = `1975-03-${String(serial).padStart(2, '0')}`;
  return {
    person: {
      name: `任务${'一二三四五六七八九十'[serial - 1]}`,
      gender: 'female',
      ethnicity: '01',
      birthDate,
      idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate, sequence: 2 * serial }),
      education: '21',
      workPost: null,
      phoneMobile: null,
      phoneLandline: null,
      address: null,
    },
    orgId,
    status: 'full',
    category: 'employed',
    admittedOn: '2001-07-01',
    confirmedOn: '2002-07-01',
    isMobile: false,
    outflowDestination: null,
    isHardship: false,
    lostContactOn: null,
    importBatchId: null,
  };
}

/** One full member into an empty branch, as a job whose context carries `todos` (or none). */
const job = (orgId: number, todos: TodoRegistry | undefined) =>
  inTransaction(
    { ...jobCtx(t.deps.db, readClock(t.clock), 'system', todos), idCipher: t.deps.idCipher },
    (tx) => insertMemberRows(tx, [fullMember(orgId)]),
  );

const marksLeft = async () =>
  (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from findings_dirty`))[0]?.n;

const found = async (orgId: number) =>
  (
    await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from findings where org_id = ${orgId} and kind = 'branch_too_large'`,
    )
  )[0]?.n;

beforeAll(async () => {
  t = await startTestApp({ modules });
  tree = await seedTree(t.deps.db);
  registry = t.deps.todos as TodoRegistry;
  // The table of today, as the app's start (or the first read) fills it: no branch has members yet.
  await keepFindingsCurrent({ db: t.deps.db, today: readClock(t.clock).today }, registry);
});
afterAll(() => t.close());

describe('a job’s writes and the findings table', () => {
  it('are settled in the job’s transaction when its context carries the to-do producers', async () => {
    expect(await found(tree.branchA2.id)).toBe(0);
    expect(await marksLeft()).toBe(0);
    await job(tree.branchA2.id, registry);
    // In the table as the job commits, and nothing left for the next read.
    expect(await found(tree.branchA2.id)).toBe(1);
    expect(await marksLeft()).toBe(0);
  });

  it('are left as marks for the next read by a context without them', async () => {
    expect(await found(tree.branchB1.id)).toBe(0);
    await job(tree.branchB1.id, undefined);
    expect(await marksLeft()).toBeGreaterThan(0);
    expect(await found(tree.branchB1.id)).toBe(0);
    // The next read takes the marks.
    await keepFindingsCurrent({ db: t.deps.db, today: readClock(t.clock).today }, registry);
    expect(await found(tree.branchB1.id)).toBe(1);
    expect(await marksLeft()).toBe(0);
  });
});
