import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMember,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, TEST_NOW } from '../../testing/test-app.ts';

let w: RosterWorld;
/** A1 → B1 (pending), A1 → A2 (pending, issued in March: overdue today), B1 → outside (completed). */
const ids = { toB1: 0, toA2: 0, out: 0, memberA1: 0 };

beforeAll(async () => {
  w = await startRosterWorld();
  const { as, tree } = w;
  const post = async (client: typeof as.sec_a1, body: Record<string, unknown>) => {
    const res = await client.post('/api/transfers', { letterNo: 'L', ...body });
    expectStatus(res, 200);
    return res.json().id as number;
  };
  const a1 = await createMember(as.sec_a1, tree.branchA1.id);
  const a1b = await createMember(as.sec_a1, tree.branchA1.id);
  const b1 = await createMember(as.sec_b1, tree.branchB1.id);
  ids.memberA1 = a1.id;
  ids.toB1 = await post(as.sec_a1, { memberId: a1.id, toOrgId: tree.branchB1.id, issuedOn: '2026-06-10' });
  ids.toA2 = await post(as.sec_a1, { memberId: a1b.id, toOrgId: tree.branchA2.id, issuedOn: '2026-03-01' });
  ids.out = await post(as.sec_b1, {
    memberId: b1.id,
    externalOrgName: '外省某党支部',
    issuedOn: '2026-06-01',
  });
});
afterAll(() => w.t.close());

const listed = async (client: typeof w.as.sec_a1, query = '') =>
  ((await client.get(`/api/transfers${query}`)).json().items as { id: number }[]).map((t) => t.id).sort();

describe('who sees a transfer', () => {
  it('answers 401 without a session on every transfer route', async () => {
    expectStatus(await w.t.anon.get('/api/transfers'), 401);
    expectStatus(await w.t.anon.get(`/api/transfers/${ids.toB1}`), 401);
    expectStatus(await w.t.anon.post('/api/transfers', {}), 401);
    for (const action of ['receive', 'reject', 'cancel']) {
      expectStatus(await w.t.anon.post(`/api/transfers/${ids.toB1}/${action}`, {}), 401);
    }
  });

  it('answers 403 to roles without member permissions', async () => {
    expectStatus(await w.as.sysadmin.get('/api/transfers'), 403);
    expectStatus(await w.as.member.get(`/api/transfers/${ids.toB1}`), 403);
  });

  it('shows a pending transfer to both sides, and to nobody else', async () => {
    expect(await listed(w.as.sec_a1)).toEqual([ids.toB1, ids.toA2].sort());
    expect(await listed(w.as.sec_b1)).toEqual([ids.toB1, ids.out].sort());
    expect(await listed(w.as.admin_b)).toEqual([ids.toB1, ids.out].sort());
    expectStatus(await w.as.sec_b1.get(`/api/transfers/${ids.toB1}`), 200);
    expectStatus(await w.as.sec_b1.get(`/api/transfers/${ids.toA2}`), 404);
    expectStatus(await w.as.sec_a1.get(`/api/transfers/${ids.out}`), 404);
  });

  it('shows the receiving side what it may do, and not the member record itself', async () => {
    const t = (await w.as.sec_b1.get(`/api/transfers/${ids.toB1}`)).json();
    expect(t).toMatchObject({
      can: { receive: true, reject: true, cancel: false },
      fromOrgName: '和平社区第一党支部',
    });
    expectStatus(await w.as.sec_b1.get(`/api/members/${ids.memberA1}`), 404);
  });

  it('answers 404 to actors outside both sides, for every action', async () => {
    for (const action of ['receive', 'reject', 'cancel']) {
      const res = await w.as.sec_b1.post(`/api/transfers/${ids.toA2}/${action}`, {
        version: 1,
        receivedOn: '2026-06-15',
        reason: '无',
      });
      expectStatus(res, 404);
    }
  });

  it('answers 404 when the sending side tries to transfer a member outside its scope', async () => {
    const res = await w.as.sec_b1.post('/api/transfers', {
      memberId: ids.memberA1,
      toOrgId: w.tree.branchB1.id,
      letterNo: 'X',
      issuedOn: '2026-06-10',
    });
    expectStatus(res, 404);
  });
});

describe('GET /api/transfers/receiving-orgs', () => {
  it('finds branches and groups across the whole deployment, for those who issue letters', async () => {
    expectStatus(await w.t.anon.get('/api/transfers/receiving-orgs?q=光明'), 401);
    expectStatus(await w.as.sysadmin.get('/api/transfers/receiving-orgs?q=光明'), 403);
    const res = await w.as.sec_a1.get(`/api/transfers/receiving-orgs?q=${encodeURIComponent('社区第一')}`);
    expect(
      res
        .json()
        .map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual(['光明社区第一党支部', '和平社区第一党小组', '和平社区第一党支部', '幸福社区第一党支部']);
    expect(res.json()).toContainEqual({
      id: w.tree.branchB1.id,
      name: '光明社区第一党支部',
      kind: 'branch',
      code: null,
      parentName: '光明社区党委',
    });
    expect(issuePaths(await w.as.sec_a1.get('/api/transfers/receiving-orgs?q='))).toEqual(['querystring.q']);
  });
});

describe('lists and filters', () => {
  it('filters by direction, subtree, status and overdue', async () => {
    expect(await listed(w.as.sec_a1, '?direction=outgoing')).toEqual([ids.toB1, ids.toA2].sort());
    expect(await listed(w.as.sec_b1, '?direction=incoming')).toEqual([ids.toB1]);
    expect(await listed(w.as.city_admin, `?orgId=${w.tree.districtA.id}&direction=incoming`)).toEqual([
      ids.toA2,
    ]);
    expect(await listed(w.as.city_admin, '?status=completed_out')).toEqual([ids.out]);
    expect(await listed(w.as.city_admin, '?overdue=true')).toEqual([ids.toA2]);
    expect(await listed(w.as.city_admin, '?overdue=false')).toEqual([ids.toB1, ids.out].sort());
    expectStatus(await w.as.sec_a1.get(`/api/transfers?orgId=${w.tree.communityB1.id}`), 404);
  });

  it('lists one member’s transfers', async () => {
    expect(await listed(w.as.sec_a1, `?memberId=${ids.memberA1}`)).toEqual([ids.toB1]);
    expect(await listed(w.as.sec_b1, `?memberId=${ids.memberA1}`)).toEqual([ids.toB1]);
  });

  it('answers 400 naming bad filters and a body with both or neither receiving org', async () => {
    expect(issuePaths(await w.as.sec_a1.get('/api/transfers?direction=sideways&overdue=maybe'))).toEqual(
      expect.arrayContaining(['querystring.direction', 'querystring.overdue']),
    );
    const both = {
      memberId: ids.memberA1,
      toOrgId: 1,
      externalOrgName: 'X',
      letterNo: 'L',
      issuedOn: '2026-06-01',
    };
    expect(issuePaths(await w.as.sec_a1.post('/api/transfers', both))).toEqual(['body.toOrgId']);
    const neither = { memberId: ids.memberA1, letterNo: 'L', issuedOn: '2026-06-01' };
    expect(issuePaths(await w.as.sec_a1.post('/api/transfers', neither))).toEqual(['body.toOrgId']);
  });

  it('flags a pending transfer overdue once its validity has passed (test clock)', async () => {
    const before = (await w.as.sec_b1.get(`/api/transfers/${ids.toB1}`)).json();
    expect(before).toMatchObject({ validUntil: '2026-09-10', overdue: false });
    w.t.clock.set(new Date('2026-09-11T01:00:00Z'));
    try {
      const b1 = await loginAs(w.t, 'sec_b1', TEST_PASSWORD);
      expect((await b1.get(`/api/transfers/${ids.toB1}`)).json().overdue).toBe(true);
      expect(await listed(b1, '?overdue=true')).toEqual([ids.toB1]);
      expect((await b1.get(`/api/transfers/${ids.out}`)).json().overdue).toBe(false);
    } finally {
      w.t.clock.set(TEST_NOW);
    }
  });
});
