import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coversDeployment } from '../../db/scope.ts';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectStatus,
  idFor,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

let w: RosterWorld;
/** 张伟 in A1 and B1 (same name on both sides), 王芳 in A1, 李娜 in A2. */
const ids = { zhangA1: 0, zhangB1: 0, wangA1: 0, liA2: 0 };
const numbers = { zhangB1: idFor('1975-05-05'), wangA1: idFor('1996-08-08', 'female') };
const mobiles = { zhangB1: '13900000001', wangA1: '13900000002' };

beforeAll(async () => {
  w = await startRosterWorld();
  const { tree, as } = w;
  ids.zhangA1 = (await createMember(as.sec_a1, tree.branchA1.id, {}, { name: '张伟' })).id;
  ids.zhangB1 = (
    await createMember(
      as.sec_b1,
      tree.branchB1.id,
      {},
      { name: '张伟', idNumber: numbers.zhangB1, phoneMobile: mobiles.zhangB1 },
    )
  ).id;
  ids.wangA1 = (
    await createMember(
      as.sec_a1,
      tree.groupA1.id,
      { status: 'probationary', admittedOn: '2025-12-01', confirmedOn: null, isHardship: true },
      { name: '王芳', idNumber: numbers.wangA1, phoneMobile: mobiles.wangA1, education: '12' },
    )
  ).id;
  ids.liA2 = (
    await createMember(
      as.admin_a,
      tree.branchA2.id,
      { category: 'retired' },
      { name: '李娜', education: '6' },
    )
  ).id;
});
afterAll(() => w.t.close());

const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name).sort();

describe('GET /api/members: scope', () => {
  it('answers 401 without a session and 403 to the system administrator and a member', async () => {
    expectStatus(await w.t.anon.get('/api/members'), 401);
    expectStatus(await w.as.sysadmin.get('/api/members'), 403);
    expectStatus(await w.as.member.get('/api/members'), 403);
  });

  it('shows each actor only the members of their subtree', async () => {
    expect(names((await w.as.sec_a1.get('/api/members')).json())).toEqual(['张伟', '王芳']);
    expect(names((await w.as.admin_a.get('/api/members')).json())).toEqual(['张伟', '李娜', '王芳']);
    expect(names((await w.as.city_admin.get('/api/members')).json())).toEqual([
      '张伟',
      '张伟',
      '李娜',
      '王芳',
    ]);
  });

  it('never returns another community’s member to a secretary: not by name, ID number or phone', async () => {
    for (const q of ['张', 'zhangwei', 'zw', numbers.zhangB1, mobiles.zhangB1]) {
      const body = (await w.as.sec_a1.get(`/api/members?q=${encodeURIComponent(q)}`)).json();
      expect(body.items.map((i: { id: number }) => i.id)).not.toContain(ids.zhangB1);
    }
    expect((await w.as.sec_b1.get(`/api/members?q=${numbers.zhangB1}`)).json().items).toHaveLength(1);
  });

  it.each(['', 'status=probationary', 'gender=female', 'ageBand=41_45', 'category=retired&education=6'])(
    'counts the whole city exactly with filter "%s" (a count that drops the org join there)',
    async (filter) => {
      expect(await coversDeployment(w.t.deps.db, { roots: [w.tree.root.path] })).toBe(true);
      const all = (await w.as.city_admin.get(`/api/members?pageSize=200&${filter}`)).json();
      expect(all.total).toBeGreaterThan(0);
      expect(all.total).toBe(all.items.length);
      const second = (await w.as.city_admin.get(`/api/members?page=2&pageSize=1&${filter}`)).json();
      expect(second.total).toBe(all.total);
    },
  );

  it('answers 404 for a subtree outside the scope', async () => {
    expectStatus(await w.as.sec_a1.get(`/api/members?orgId=${w.tree.communityB1.id}`), 404);
  });
});

describe('GET /api/members: q and filters', () => {
  it.each<[string, string[]]>([
    ['王', ['王芳']],
    ['wangf', ['王芳']],
    ['WF', ['王芳']],
    ['zw', ['张伟']],
    [numbers.wangA1.toLowerCase(), ['王芳']],
    [`${numbers.wangA1.slice(0, 6)}${numbers.wangA1.slice(8, 17)}`, ['王芳']],
    [mobiles.wangA1, ['王芳']],
    ['1390000000', []],
    ['%', []],
  ])('q=%s finds %j', async (q, expected) => {
    expect(names((await w.as.admin_a.get(`/api/members?q=${encodeURIComponent(q)}`)).json())).toEqual(
      expected,
    );
  });

  it.each<[string, string[]]>([
    ['status=probationary', ['王芳']],
    ['status=full,probationary&category=retired', ['李娜']],
    ['gender=female', ['王芳']],
    ['ageBand=30_below', ['王芳']],
    ['ageBand=41_45', ['张伟', '李娜']],
    ['education=college_or_above', ['张伟', '王芳']],
    ['education=postgraduate', ['王芳']],
    ['education=6', ['李娜']],
    ['admittedFrom=2025-01-01&admittedTo=2025-12-31', ['王芳']],
    ['hardship=true', ['王芳']],
    ['mobile=false&hardship=0', ['张伟', '李娜']],
  ])('%s', async (filter, expected) => {
    expect(names((await w.as.admin_a.get(`/api/members?${filter}`)).json())).toEqual(expected);
  });

  it('filters a subtree and pages', async () => {
    const body = (
      await w.as.admin_a.get(`/api/members?orgId=${w.tree.branchA1.id}&pageSize=1&sort=-admittedOn`)
    ).json();
    expect(body).toMatchObject({ total: 2, items: [{ name: '王芳', orgName: '和平社区第一党小组' }] });
  });

  it('answers 400 naming the bad filters', async () => {
    const res = await w.as.admin_a.get('/api/members?status=gone&ageBand=99&education=phd&sort=height');
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['querystring.status.0', 'querystring.ageBand', 'querystring.sort']),
    );
    expect(issuePaths(await w.as.admin_a.get('/api/members?education=phd'))).toEqual([
      'querystring.education',
    ]);
  });

  it('masks ID and phone numbers in the list', async () => {
    const [wang] = (await w.as.admin_a.get('/api/members?q=王')).json().items;
    expect(wang.idNumber).toBe(`${numbers.wangA1.slice(0, 6)}********${numbers.wangA1.slice(14)}`);
    expect(wang.phoneMobile).toBe('139****0002');
  });
});

describe('GET /api/members/:id', () => {
  it('answers 401 without a session, 404 outside the scope', async () => {
    expectStatus(await w.t.anon.get(`/api/members/${ids.wangA1}`), 401);
    expectStatus(await w.as.sec_a1.get(`/api/members/${ids.zhangB1}`), 404);
    expectStatus(await w.as.admin_b.get(`/api/members/${ids.wangA1}`), 404);
    expectStatus(await w.as.sec_a1.get('/api/members/999999'), 404);
  });

  it('shows the member masked, with history and what the actor may do', async () => {
    const m = (await w.as.sec_a1.get(`/api/members/${ids.wangA1}`)).json();
    expect(m).toMatchObject({
      name: '王芳',
      revealed: false,
      phoneMobile: '139****0002',
      probationEndsOn: '2026-12-01',
      can: { edit: true, reveal: false, changeStatus: true, transfer: true },
      events: [{ kind: 'registered', orgName: '和平社区第一党小组' }],
    });
  });
});

describe('GET /api/members/:id?reveal=idNumber', () => {
  it('shows the whole number to an org_admin and audits the field, never the value', async () => {
    const m = (await w.as.admin_a.get(`/api/members/${ids.wangA1}?reveal=idNumber`)).json();
    expect(m).toMatchObject({ idNumber: numbers.wangA1, revealed: true, phoneMobile: '139****0002' });
    const [row] = await auditRows(w.t.deps.db, 'member.reveal', ids.wangA1);
    expect(row).toMatchObject({
      actorUsername: 'admin_a',
      role: 'org_admin',
      diff: { note: { field: 'idNumber' } },
    });
    expect(JSON.stringify(row)).not.toContain(numbers.wangA1);
  });

  it('refuses a secretary (403) and an org_admin of another district (404), auditing nothing', async () => {
    const before = (await auditRows(w.t.deps.db, 'member.reveal')).length;
    const res = await w.as.sec_a1.get(`/api/members/${ids.wangA1}?reveal=idNumber`);
    expectStatus(res, 403);
    expect(res.json().error.details.reason).toBe('reveal_not_permitted');
    expectStatus(await w.as.admin_b.get(`/api/members/${ids.wangA1}?reveal=idNumber`), 404);
    expectStatus(await w.t.anon.get(`/api/members/${ids.wangA1}?reveal=idNumber`), 401);
    expect(await auditRows(w.t.deps.db, 'member.reveal')).toHaveLength(before);
  });

  it('answers 400 for an unknown field to reveal', async () => {
    expect(issuePaths(await w.as.admin_a.get(`/api/members/${ids.wangA1}?reveal=phone`))).toEqual([
      'querystring.reveal',
    ]);
  });
});
