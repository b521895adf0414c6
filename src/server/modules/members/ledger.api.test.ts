import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/test-app.ts';
import {
  createMember,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from './members.fixtures.ts';

/**
 * A scripted history around 和平社区 (community A1: branch A1 and its group) for the first half of 2026. In the
 * community at 2026-01-01: M1, M4, M5, M7, M8, M9, M11 (7). M2 was suspended in 2025 and M10 left in 2025.
 */
let w: RosterWorld;

type M = { id: number; version: number };
async function event(client: TestClient, m: M, body: Record<string, unknown>): Promise<M> {
  const res = await client.post(`/api/members/${m.id}/events`, { version: m.version, ...body });
  expectStatus(res, 200);
  return res.json();
}
async function transfer(
  from: TestClient,
  to: TestClient,
  m: M,
  toOrgId: number,
  issuedOn: string,
  receivedOn: string,
) {
  const issued = await from.post('/api/transfers', { memberId: m.id, toOrgId, letterNo: 'L', issuedOn });
  expectStatus(issued, 200);
  const t = issued.json();
  expectStatus(await to.post(`/api/transfers/${t.id}/receive`, { version: t.version, receivedOn }), 200);
}

beforeAll(async () => {
  w = await startRosterWorld();
  const { as, tree } = w;
  const a1 = (admittedOn: string, extra: Record<string, unknown> = {}) =>
    createMember(as.sec_a1, tree.branchA1.id, {
      admittedOn,
      confirmedOn: `${Number(admittedOn.slice(0, 4)) + 1}${admittedOn.slice(4)}`,
      ...extra,
    });
  await a1('2010-03-01'); // M1 stays
  const m2 = await a1('2015-03-01');
  await event(
    as.sec_a1,
    await event(as.sec_a1, m2, { kind: 'suspend', effectiveOn: '2025-10-01', reason: '停止党籍' }),
    {
      kind: 'restore',
      effectiveOn: '2026-03-01',
      reason: '恢复党籍',
    },
  );
  await createMember(as.sec_a1, tree.groupA1.id, {
    status: 'probationary',
    admittedOn: '2026-02-01',
    confirmedOn: null,
  }); // M3
  await transfer(as.sec_a1, as.sec_a1, await a1('2012-03-01'), tree.groupA1.id, '2026-03-20', '2026-04-01'); // M4 internal
  await transfer(as.sec_a1, as.admin_a, await a1('2011-03-01'), tree.branchA2.id, '2026-04-20', '2026-05-01'); // M5 out to A2
  const m6 = await createMember(as.sec_b1, tree.branchB1.id, {
    admittedOn: '2013-03-01',
    confirmedOn: '2014-03-01',
  });
  await transfer(as.sec_b1, as.sec_a1, m6, tree.branchA1.id, '2026-04-25', '2026-05-02'); // M6 in from B1
  await event(as.sec_a1, await a1('2014-03-01'), {
    kind: 'leave',
    leftReason: 'deceased',
    effectiveOn: '2026-06-01',
  }); // M7
  await event(as.sec_a1, await a1('2016-03-01'), {
    kind: 'suspend',
    effectiveOn: '2026-02-01',
    reason: '停止党籍',
  }); // M8
  const m9 = await a1('2009-03-01');
  const out = { memberId: m9.id, externalOrgName: '外省某党支部', letterNo: 'W', issuedOn: '2026-03-15' };
  expectStatus(await as.sec_a1.post('/api/transfers', out), 200); // M9 out of the deployment
  await event(as.sec_a1, await a1('2008-03-01'), {
    kind: 'leave',
    leftReason: 'removed',
    effectiveOn: '2025-12-01',
  }); // M10
  await event(as.sec_a1, await a1('2017-03-01'), { kind: 'mark_unreachable', effectiveOn: '2026-01-05' }); // M11
});
afterAll(() => w.t.close());

const ledger = async (client: TestClient, orgId: number, from: string, to: string) => {
  const res = await client.get(`/api/orgs/${orgId}/ledger?from=${from}&to=${to}`);
  expectStatus(res, 200);
  return res.json();
};

describe('GET /api/orgs/:id/ledger (增减台账)', () => {
  it('derives opening, increases and decreases by kind, and closing from the events', async () => {
    const l = await ledger(w.as.sec_a1, w.tree.communityA1.id, '2026-01-01', '2026-06-15');
    expect(l).toEqual({
      orgId: w.tree.communityA1.id,
      orgName: '和平社区党委',
      from: '2026-01-01',
      to: '2026-06-15',
      opening: 7,
      increases: { registered: 1, transferredIn: 1, restored: 1, other: 0, total: 3 },
      decreases: {
        left: { removed: 0, withdrawn: 0, expelled: 0, deceased: 1, probation_cancelled: 0 },
        suspended: 1,
        transferredOut: 2,
        other: 0,
        total: 4,
      },
      closing: 6,
    });
  });

  it('adds up, and closes on the members counted on the roster today', async () => {
    const l = await ledger(w.as.sec_a1, w.tree.communityA1.id, '2026-01-01', '2026-06-15');
    expect(l.opening + l.increases.total - l.decreases.total).toBe(l.closing);
    const counted = await w.as.sec_a1.get(
      `/api/members?orgId=${w.tree.communityA1.id}&status=probationary,full,unreachable`,
    );
    expect(counted.json().total).toBe(l.closing);
  });

  it('opens a period where the previous one closed', async () => {
    const first = await ledger(w.as.admin_a, w.tree.communityA1.id, '2025-01-01', '2025-12-31');
    const second = await ledger(w.as.admin_a, w.tree.communityA1.id, '2026-01-01', '2026-03-31');
    const third = await ledger(w.as.admin_a, w.tree.communityA1.id, '2026-04-01', '2026-06-15');
    expect(first.closing).toBe(second.opening);
    expect(second.closing).toBe(third.opening);
    expect(third.closing).toBe(6);
  });

  it('treats a move between two orgs inside the subtree as internal', async () => {
    const street = await ledger(w.as.admin_a, w.tree.streetA.id, '2026-01-01', '2026-06-15');
    expect(street.increases.transferredIn).toBe(1); // M6 from B1; M4 and M5 stayed inside
    expect(street.decreases.transferredOut).toBe(1); // M9 out of the deployment
    const city = await ledger(w.as.city_admin, w.tree.root.id, '2026-01-01', '2026-06-15');
    expect(city.increases.transferredIn).toBe(0);
    expect(city.opening + city.increases.total - city.decreases.total).toBe(city.closing);
  });

  it('answers 401, 403, 404 and 400 as every route does', async () => {
    const url = (id: number, q = 'from=2026-01-01&to=2026-06-15') => `/api/orgs/${id}/ledger?${q}`;
    expectStatus(await w.t.anon.get(url(w.tree.communityA1.id)), 401);
    expectStatus(await w.as.sysadmin.get(url(w.tree.communityA1.id)), 403);
    expectStatus(await w.as.sec_a1.get(url(w.tree.communityB1.id)), 404);
    expect(
      issuePaths(await w.as.sec_a1.get(url(w.tree.communityA1.id, 'from=2026-07-01&to=2026-06-01'))),
    ).toEqual(['querystring.to']);
    expect(issuePaths(await w.as.sec_a1.get(url(w.tree.communityA1.id, 'from=2026-02-30')))).toEqual(
      expect.arrayContaining(['querystring.from', 'querystring.to']),
    );
  });
});
