import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, issuePaths, type RosterWorld } from '../../testing/fixtures/members.ts';
import { startLedgerWorld } from '../../testing/fixtures/membership-ledger.ts';
import type { TestClient } from '../../testing/test-app.ts';

/** The scripted history of testing/fixtures/membership-ledger.ts: 7 counted in 和平社区 on 2026-01-01. */
let w: RosterWorld;
beforeAll(async () => {
  w = await startLedgerWorld();
});
afterAll(() => w.t.close());

const ledger = async (client: TestClient, orgId: number, from: string, to: string) => {
  const res = await client.get(`/api/orgs/${orgId}/ledger?from=${from}&to=${to}`);
  expectStatus(res, 200);
  return res.json();
};

describe('GET /api/orgs/:id/ledger (增减台账)', () => {
  it('derives opening, the T1 increases and decreases, and closing from the events', async () => {
    const l = await ledger(w.as.sec_a1, w.tree.communityA1.id, '2026-01-01', '2026-06-15');
    expect(l).toEqual({
      orgId: w.tree.communityA1.id,
      orgName: '和平社区党委',
      from: '2026-01-01',
      to: '2026-06-15',
      opening: 7,
      increases: {
        registered: 1,
        readmitted: 0,
        restored: 1,
        transferredIn: 1,
        other: 0,
        initialLoad: 0,
        total: 3,
      },
      decreases: {
        left: 0,
        leftBy: {
          withdrawn: 0,
          persuaded: 0,
          removed_refused: 0,
          removed_lapsed: 0,
          expelled: 0,
          not_recognized: 0,
          probation_cancelled: 0,
          removed: 0,
        },
        leftUnreachable: 0,
        suspended: 1,
        // 死亡 is a decrease of its own, not 出党 (党统 T1).
        died: 1,
        transferredOut: 2,
        other: 0,
        total: 4,
      },
      closing: 6,
      actualClosing: 6,
      difference: 0,
    });
  });

  it('counts 出党 by its T10 category (the 自行脱党除名 of 2025)', async () => {
    const l = await ledger(w.as.sec_a1, w.tree.communityA1.id, '2025-01-01', '2025-12-31');
    expect(l.decreases).toMatchObject({ left: 1, leftBy: { removed_lapsed: 1, withdrawn: 0 }, died: 0 });
    expect(l.actualClosing).toBe(l.closing);
  });

  it('adds up, and closes on the members counted on the roster today', async () => {
    const l = await ledger(w.as.sec_a1, w.tree.communityA1.id, '2026-01-01', '2026-06-15');
    expect(l.opening + l.increases.total - l.decreases.total).toBe(l.closing);
    const counted = await w.as.sec_a1.get(
      `/api/members?orgId=${w.tree.communityA1.id}&status=probationary,full,unreachable`,
    );
    expect(counted.json().total).toBe(l.closing);
  });

  it('closes, for the whole deployment, on every member counted in the city today', async () => {
    const city = await ledger(w.as.city_admin, w.tree.root.id, '2026-01-01', '2026-06-15');
    const counted = await w.as.city_admin.get('/api/members?status=probationary,full,unreachable');
    expect(city.closing).toBe(counted.json().total);
    const street = await ledger(w.as.city_admin, w.tree.streetA.id, '2026-01-01', '2026-06-15');
    const inStreet = await w.as.city_admin.get(
      `/api/members?orgId=${w.tree.streetA.id}&status=probationary,full,unreachable`,
    );
    expect(street.closing).toBe(inStreet.json().total);
  });

  it('opens a period where the previous one closed', async () => {
    const first = await ledger(w.as.admin_a, w.tree.communityA1.id, '2025-01-01', '2025-12-31');
    const second = await ledger(w.as.admin_a, w.tree.communityA1.id, '2026-01-01', '2026-03-31');
    const third = await ledger(w.as.admin_a, w.tree.communityA1.id, '2026-04-01', '2026-06-15');
    expect(first.closing).toBe(second.opening);
    expect(second.closing).toBe(third.opening);
    expect(third.closing).toBe(6);
    // The check line of T1: 期末实有数, counted from each member's standing, equals 期末应有数.
    for (const l of [first, second, third])
      expect(l).toMatchObject({ actualClosing: l.closing, difference: 0 });
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
