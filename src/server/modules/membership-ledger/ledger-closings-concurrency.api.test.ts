import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkMemberEvent } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { inTransaction, type WorkCtx } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { memberEvents } from '../../db/tables/people.ts';
import { testCtxAs, testJobCtx } from '../../testing/ctx.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import type { TestResponse } from '../../testing/test-app.ts';
import { lockMemberInScope, saveMemberChange } from '../members/index.ts';
import { closePeriod } from './ledger-closings.service.ts';

/**
 * 关账 against event writes under way (docs/membership.md §8; PostgreSQL only: PGlite runs one transaction at a
 * time, nothing is concurrent there). A closing takes the closings' advisory lock exclusively, every event write
 * takes it shared before it reads the closings and keeps it until it commits (ledger-closings.repo.ts). Each case
 * holds one side's transaction open and shows that the other waits, then sees what the first committed: without
 * the shared lock, the closing would commit while the write is under way and the write would then slip a 2025
 * event under the closed year, or a back-dated write would not see a closing about to commit.
 */
const onServer = !!process.env.DATABASE_URL;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

let w: RosterWorld;

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

const setPolicy = async (closedPeriodPolicy: 'refuse' | 'correct_in_current') => {
  const current = (await w.as.sysadmin.get('/api/settings/org')).json();
  const res = await w.as.sysadmin.put('/api/settings/org', {
    value: { ...current.value, closedPeriodPolicy },
    version: current.version,
  });
  expectStatus(res, 200);
};

/** The 2025 增减台账 of the branch's community, as the city's org_admin reads it. */
const ledger2025 = async () => {
  const res = await w.as.city_admin.get(
    `/api/orgs/${w.tree.communityA1.id}/ledger?from=${YEAR.from}&to=${YEAR.to}`,
  );
  expectStatus(res, 200);
  return res.json();
};

const deathBody = (m: { version: number }, effectiveOn: string) => ({
  version: m.version,
  kind: 'record_death',
  effectiveOn,
});

/**
 * Resolves once a session of this test's database waits for the closings' advisory lock in `mode`
 * (ExclusiveLock: a closing; ShareLock: an event write).
 */
async function someoneWaits(mode: 'ExclusiveLock' | 'ShareLock'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [row] = await queryRows<{ n: number }>(
      w.t.deps.db,
      sql`select count(*)::int as n from pg_locks
          where locktype = 'advisory' and not granted and mode = ${mode}
            and database = (select oid from pg_database where datname = current_database())`,
    );
    if (Number(row?.n) > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nobody waited for the closings' lock (${mode})`);
}

/** A transaction (the kernel's, so it settles the findings as a request would) held open after `work`. */
function heldOpen<C extends WorkCtx>(ctx: C, work: (tx: C) => Promise<void>) {
  let release: () => void = () => {};
  let ready: () => void = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  const done = new Promise<void>((r) => {
    ready = r;
  });
  const committed = inTransaction(ctx, async (tx) => {
    await work(tx);
    ready();
    await held;
  });
  return { ready: done, release, committed };
}

/** Settles `promise` and records that it did, so a test can ask whether it is still waiting. */
function watched<T>(promise: Promise<T>) {
  const state = { done: false };
  const result = promise.finally(() => {
    state.done = true;
  });
  return { state, result };
}

describe.skipIf(!onServer)('关账 and event writes under way (PostgreSQL)', () => {
  // Each case starts with no closed period: the one a case closed is reopened after it.
  afterEach(async () => {
    const closings = (await w.as.city_admin.get('/api/ledger/closings')).json();
    if (closings.items.length === 0) return;
    const reopened = await w.as.city_admin.post(`/api/ledger/closings/${YEAR.to}/reopen`, {
      reason: '测试复原',
    });
    expectStatus(reopened, 200);
  });

  it('a closing waits for a write of a 2025 event under way, and its year then holds the event', async () => {
    await setPolicy('refuse');
    const m = await createMember(
      w.as.sec_a1,
      w.tree.branchA1.id,
      { admittedOn: '2015-05-01', confirmedOn: '2016-05-01' },
      { name: '年底去世' },
    );
    const before = await ledger2025();
    const diedOn = '2025-12-20' as IsoDate;
    // The write of a death on 2025-12-20 through the members module's writer (the guard reads no closing yet).
    const writer = heldOpen(testJobCtx(w.t, 'writer'), async (tx) => {
      const locked = await lockMemberInScope(tx.db, { roots: [w.tree.root.path] }, m.id);
      if (!locked) throw new Error('the member is not there');
      const { member, lastEventOn } = locked;
      const decision = checkMemberEvent(
        { ...member, lastEventOn },
        { kind: 'record_death', effectiveOn: diedOn, reason: null },
        tx.today,
      );
      if (!decision.ok) throw new Error(decision.message);
      await saveMemberChange(tx, member, decision.changes, { ...decision.event, effectiveOn: diedOn });
    });
    await writer.ready;

    // The closing's answer and the 2025 ledger read as soon as it answers, before anything else runs.
    const closing = watched(
      w.as.city_admin
        .post('/api/ledger/closings', { periodEnd: YEAR.to })
        .then(async (res: TestResponse) => ({ res, ledger: await ledger2025() })),
    );
    try {
      await someoneWaits('ExclusiveLock');
      expect(closing.state.done).toBe(false);
    } finally {
      writer.release();
    }
    await writer.committed;
    const { res, ledger } = await closing.result;
    expectStatus(res, 200);
    expect(res.json().closedThrough).toBe(YEAR.to);
    // The year as closed holds the death: nothing was counted under it after the closing.
    expect(ledger.decreases.died).toBe((before.decreases.died ?? 0) + 1);
    expect(ledger.closing).toBe(before.closing - 1);
    expect(await ledger2025()).toEqual(ledger);
    const [died] = await w.t.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, m.id), eq(memberEvents.kind, 'died')));
    expect(died).toMatchObject({ effectiveOn: diedOn, countedOn: diedOn });
  });

  /**
   * Holds the closing of 2025 open, posts a death back-dated into 2025, and answers the write's response and the
   * 2025 ledger before the closing.
   */
  async function backDatedWriteDuringClosing(
    name: string,
  ): Promise<{ res: TestResponse; memberId: number; before: unknown }> {
    const m = await createMember(
      w.as.sec_a1,
      w.tree.branchA1.id,
      { admittedOn: '2012-05-01', confirmedOn: '2013-05-01' },
      { name },
    );
    const before = await ledger2025();
    const closing = heldOpen(await testCtxAs(w.t, 'city_admin'), async (tx) => {
      await closePeriod(tx, { periodEnd: YEAR.to });
    });
    await closing.ready;
    const write = watched(w.as.sec_a1.post(`/api/members/${m.id}/events`, deathBody(m, '2025-11-01')));
    try {
      await someoneWaits('ShareLock');
      expect(write.state.done).toBe(false);
    } finally {
      closing.release();
    }
    await closing.committed;
    return { res: await write.result, memberId: m.id, before };
  }

  it('a back-dated write waits for a closing under way, then is refused under `refuse`', async () => {
    await setPolicy('refuse');
    const { res, memberId, before } = await backDatedWriteDuringClosing('关账时补录');
    expectStatus(res, 409);
    expect(res.json().error.details).toMatchObject({ reason: 'ledger_period_closed' });
    const events = await w.t.deps.db.select().from(memberEvents).where(eq(memberEvents.memberId, memberId));
    expect(events.map((e) => e.kind)).toEqual(['registered']);
    expect(await ledger2025()).toEqual(before);
  });

  it('a back-dated write waits for a closing under way, then is booked today as a 更正 under `correct_in_current`', async () => {
    await setPolicy('correct_in_current');
    const { res, memberId, before } = await backDatedWriteDuringClosing('关账时更正');
    expectStatus(res, 200);
    const [died] = await w.t.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, memberId), eq(memberEvents.kind, 'died')));
    expect(died).toMatchObject({
      effectiveOn: '2025-11-01',
      countedOn: w.t.clock.today(),
      details: { correctionOf: '2025-11-01' },
    });
    expect(await ledger2025()).toEqual(before);
  });
});
