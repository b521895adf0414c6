import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { insertTermWithPosts } from '../../testing/fixtures/orgs.ts';

/**
 * 谈心谈话 through the API (docs/organizational-life.md §5.3): records between two members of a branch, and the
 * yearly coverage of the required pairings; scope, permissions and the audit row of every write.
 */
let w: RosterWorld;
const id: Record<'sec' | 'com' | 'a' | 'b' | 'other', number> = {} as never;
let talkId = 0;

beforeAll(async () => {
  w = await startRosterWorld();
  const names = { sec: '王书记', com: '李委员', a: '张党员', b: '赵党员' } as const;
  for (const [key, name] of Object.entries(names)) {
    const orgId = key === 'b' ? w.tree.groupA1.id : w.tree.branchA1.id;
    id[key as keyof typeof names] = (await createMember(w.as.sec_a1, orgId, {}, { name })).id;
  }
  id.other = (await createMember(w.as.city_admin, w.tree.branchB1.id, {}, { name: '外支部' })).id;
  await insertTermWithPosts(
    w.t.deps.db,
    w.tree.branchA1.id,
    { electedOn: '2025-01-10', endsOn: '2028-01-10' },
    [
      { post: 'secretary', holderName: '王书记' },
      { post: 'committee_member', holderName: '李委员' },
    ],
  );
});
afterAll(() => w.t.close());

const coverage = (client = w.as.sec_a1) =>
  client.get(`/api/talks/coverage?orgId=${w.tree.branchA1.id}&year=2026`);
const body = (memberId: number, partnerId: number, extra: Record<string, unknown> = {}) => ({
  orgId: w.tree.branchA1.id,
  talkedOn: '2026-05-20',
  memberId,
  partnerId,
  topic: '思想交流',
  ...extra,
});

describe('coverage of a branch for a year', () => {
  it('requires the secretary with everyone and the committee with each other; nothing covered yet', async () => {
    const res = await coverage();
    expectStatus(res, 200);
    const c = res.json();
    expect(c).toMatchObject({ year: 2026, asOf: '2026-06-15', required: 3, covered: 0 });
    const people = Object.fromEntries(c.people.map((p: { name: string }) => [p.name, p]));
    expect(people.王书记).toMatchObject({ secretary: true, committee: false });
    expect(people.李委员).toMatchObject({ secretary: false, committee: true });
    expect(people.赵党员).toMatchObject({ secretary: false, committee: false });
    expect(c.missing).toHaveLength(3);
  });

  it('answers 401, 403 and 404', async () => {
    expectStatus(await w.t.anon.get(`/api/talks/coverage?orgId=${w.tree.branchA1.id}&year=2026`), 401);
    expectStatus(await coverage(w.as.sysadmin), 403);
    expectStatus(await coverage(w.as.member), 403);
    expectStatus(await coverage(w.as.sec_b1), 404);
  });
});

describe('POST /api/talks', () => {
  it('records a talk, audited, and the coverage changes', async () => {
    const res = await w.as.sec_a1.post('/api/talks', body(id.sec, id.b, { summary: '谈了学习计划' }));
    expectStatus(res, 200);
    talkId = res.json().id;
    expect(res.json()).toMatchObject({ memberName: '王书记', partnerName: '赵党员', can: { edit: true } });
    const [row] = await auditRows(w.t.deps.db, 'talk.create');
    expect(row).toMatchObject({ entityType: 'talk', entityId: String(talkId), orgId: w.tree.branchA1.id });
    const c = (await coverage()).json();
    expect(c).toMatchObject({ required: 3, covered: 1 });
    const missingNames = c.missing.map((p: { a: { name: string }; b: { name: string } }) =>
      [p.a.name, p.b.name].sort().join('-'),
    );
    expect(missingNames).not.toContain(['王书记', '赵党员'].sort().join('-'));
  });

  it('a talk of another year does not cover this one', async () => {
    expectStatus(await w.as.sec_a1.post('/api/talks', body(id.com, id.sec, { talkedOn: '2025-12-30' })), 200);
    expect((await coverage()).json().covered).toBe(1);
  });

  it('refuses the same member twice, a member of another branch, a future day, a non-branch', async () => {
    expectRule(await w.as.sec_a1.post('/api/talks', body(id.a, id.a)), 'talk_same_member');
    expectRule(await w.as.sec_a1.post('/api/talks', body(id.a, id.other)), 'talk_member_not_in_branch');
    expectRule(
      await w.as.sec_a1.post('/api/talks', body(id.a, id.b, { talkedOn: '2026-06-16' })),
      'talk_in_future',
    );
    expectRule(
      await w.as.sec_a1.post('/api/talks', body(id.a, id.b, { orgId: w.tree.groupA1.id })),
      'talk_not_branch',
    );
    expect(issuePaths(await w.as.sec_a1.post('/api/talks', body(id.a, id.b, { topic: '' })))).toEqual([
      'body.topic',
    ]);
  });

  it('answers 401, 403 and 404', async () => {
    expectStatus(await w.t.anon.post('/api/talks', body(id.a, id.b)), 401);
    expectStatus(await w.as.sysadmin.post('/api/talks', body(id.a, id.b)), 403);
    expectStatus(await w.as.member.post('/api/talks', body(id.a, id.b)), 403);
    expectStatus(await w.as.sec_b1.post('/api/talks', body(id.a, id.b)), 404);
  });
});

describe('reads', () => {
  it('lists talks of a subtree, year and member, in scope only', async () => {
    const all = await w.as.admin_a.get(`/api/talks?orgId=${w.tree.districtA.id}`);
    expectStatus(all, 200);
    expect(all.json().total).toBe(2);
    const year = (await w.as.admin_a.get('/api/talks?year=2026')).json();
    expect(year.items.map((t: { id: number }) => t.id)).toEqual([talkId]);
    expect((await w.as.admin_a.get(`/api/talks?memberId=${id.b}`)).json().total).toBe(1);
    expect((await w.as.admin_b.get('/api/talks')).json().total).toBe(0);
    expectStatus(await w.as.admin_b.get(`/api/talks?orgId=${w.tree.branchA1.id}`), 404);
  });

  it('shows one talk and the members a talk may be between', async () => {
    expectStatus(await w.as.sec_a1.get(`/api/talks/${talkId}`), 200);
    const members = await w.as.sec_a1.get(`/api/talks/members?orgId=${w.tree.branchA1.id}`);
    expect(
      members
        .json()
        .items.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['张党员', '李委员', '王书记', '赵党员'].sort());
  });

  it('answers 401, 403 and 404', async () => {
    expectStatus(await w.t.anon.get('/api/talks'), 401);
    expectStatus(await w.t.anon.get(`/api/talks/${talkId}`), 401);
    expectStatus(await w.t.anon.get(`/api/talks/members?orgId=${w.tree.branchA1.id}`), 401);
    expectStatus(await w.as.sysadmin.get('/api/talks'), 403);
    expectStatus(await w.as.member.get(`/api/talks/${talkId}`), 403);
    expectStatus(await w.as.member.get(`/api/talks/members?orgId=${w.tree.branchA1.id}`), 403);
    expectStatus(await w.as.sec_b1.get(`/api/talks/${talkId}`), 404);
    expectStatus(await w.as.sec_b1.get(`/api/talks/members?orgId=${w.tree.branchA1.id}`), 404);
  });
});

describe('PATCH and DELETE /api/talks/:id', () => {
  it('changes a talk by the rules, audited with before and after; 409 on a stale version', async () => {
    const url = `/api/talks/${talkId}`;
    expectStatus(await w.t.anon.patch(url, { version: 1, topic: '新话题' }), 401);
    expectStatus(await w.as.sysadmin.patch(url, { version: 1, topic: '新话题' }), 403);
    expectStatus(await w.as.sec_b1.patch(url, { version: 1, topic: '新话题' }), 404);
    expectRule(await w.as.sec_a1.patch(url, { version: 1, partnerId: id.sec }), 'talk_same_member');
    const res = await w.as.sec_a1.patch(url, { version: 1, partnerId: id.com, topic: '工作分工' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ partnerName: '李委员', topic: '工作分工', version: 2 });
    const [row] = await auditRows(w.t.deps.db, 'talk.update');
    expect(row?.diff).toMatchObject({ before: { partnerId: id.b }, after: { partnerId: id.com } });
    expectStatus(await w.as.sec_a1.patch(url, { version: 1, topic: '再改' }), 409);
    expect((await coverage()).json()).toMatchObject({ required: 3, covered: 1 });
  });

  it('deletes a talk, audited, and the coverage follows', async () => {
    const url = `/api/talks/${talkId}?version=2`;
    expectStatus(await w.t.anon.delete(url), 401);
    expectStatus(await w.as.member.delete(url), 403);
    expectStatus(await w.as.admin_b.delete(url), 404);
    expectStatus(await w.as.sec_a1.delete(url), 200);
    const [row] = await auditRows(w.t.deps.db, 'talk.delete');
    expect(row).toMatchObject({ entityId: String(talkId) });
    expect((await coverage()).json().covered).toBe(0);
    expectStatus(await w.as.sec_a1.get(`/api/talks/${talkId}`), 404);
  });
});

describe('as configured (CFG: the pairings required)', () => {
  it('requires every pair of members when only 党员之间 is configured', async () => {
    const sys = (await w.as.sysadmin.get('/api/settings/orgLife')).json();
    const saved = await w.as.sysadmin.put('/api/settings/orgLife', {
      version: sys.version,
      value: { talkPairings: ['member_member'] },
    });
    expectStatus(saved, 200);
    const c = (await coverage()).json();
    expect(c).toMatchObject({ pairings: ['member_member'], required: 6, covered: 0 });
  });
});
