import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/tables/audit.ts';
import { type ActorClients, loginActors, seedActors } from '../../testing/actors.ts';
import { createMember, idFor } from '../../testing/fixtures/members.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;
/** An audit administrator of district A only. */
let auditorA: TestClient;
let memberA: { id: number; personId: number };
let memberB: { id: number; personId: number };

type Entry = {
  action: string;
  entityType: string;
  entityId: string | null;
  entityName: string | null;
  actorUsername: string | null;
  actorName: string | null;
  refNames: {
    orgs: Record<string, string>;
    members: Record<string, string>;
    persons: Record<string, string>;
    users: Record<string, string>;
  };
};

/** A day of its own, so that these rows are all the entries of the filter. */
const DAY = 'from=2026-07-01&to=2026-07-01';

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  await createUser(t.deps.db, {
    username: 'auditor_a',
    name: '甲区审计员',
    orgId: tree.districtA.id,
    roles: [{ role: 'audit_admin' }],
  });
  as = await loginActors(t);
  auditorA = await loginAs(t, 'auditor_a', TEST_PASSWORD);
  memberA = await createMember(
    as.orgadminA,
    tree.branchA1.id,
    {},
    { name: '甲支部党员', idNumber: idFor('1980-01-01') },
  );
  memberB = await createMember(
    as.orgadminB,
    tree.branchB1.id,
    {},
    { name: '乙支部党员', idNumber: idFor('1981-02-02') },
  );
  const row = (
    entityType: 'member' | 'org' | 'person',
    entityId: number,
    orgId: number,
    diff: Record<string, unknown>,
  ) => ({
    at: new Date('2026-07-01T02:00:00Z'),
    actorUsername: 'orgadmin_a',
    actorId: null,
    action: 'member.update' as const,
    entityType,
    entityId: String(entityId),
    orgId,
    role: 'org_admin',
    diff,
  });
  await t.deps.db.insert(auditLog).values([
    // About a member of A, mentioning the org path from the root down.
    row('member', memberA.id, tree.branchA1.id, {
      before: { orgId: tree.groupA1.id },
      after: { orgId: tree.branchA1.id, path: tree.branchA1.path },
    }),
    // Recorded in A about a member who is now in B (moved away since): in A's log, but B's names stay hidden.
    row('member', memberB.id, tree.districtA.id, {
      note: { memberId: memberB.id, personId: memberB.personId, toOrgId: tree.branchB1.id },
    }),
    row('org', tree.branchB1.id, tree.districtA.id, { after: { parentId: tree.communityB1.id } }),
  ]);
});
afterAll(() => t.close());

const entries = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/audit-logs?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Entry[] }).items;
};

describe('GET /api/audit-logs: names instead of ids', () => {
  it('names the subject, the actor and the orgs of a path for a reader whose scope holds them', async () => {
    const items = await entries(as.auditadmin, DAY);
    const aboutA = items.find((e) => e.entityId === String(memberA.id));
    expect(aboutA?.entityName).toBe('甲支部党员');
    expect(aboutA?.refNames.orgs).toEqual({
      [tree.root.id]: '测试市委',
      [tree.districtA.id]: '甲区委',
      [tree.streetA.id]: '甲一街道党工委',
      [tree.communityA1.id]: '和平社区党委',
      [tree.branchA1.id]: '和平社区第一党支部',
      [tree.groupA1.id]: '和平社区第一党小组',
    });
    const aboutB = items.find((e) => e.entityType === 'member' && e.entityId === String(memberB.id));
    expect(aboutB?.entityName).toBe('乙支部党员');
    expect(aboutB?.refNames.members).toEqual({ [memberB.id]: '乙支部党员' });
    expect(aboutB?.refNames.persons).toEqual({ [memberB.personId]: '乙支部党员' });
    expect(aboutB?.refNames.orgs).toEqual({ [tree.branchB1.id]: '光明社区第一党支部' });
  });

  it('leaves records outside the reader’s scope unnamed (no name leaks across districts)', async () => {
    const items = await entries(auditorA, DAY);
    expect(items).toHaveLength(3);
    const aboutA = items.find((e) => e.entityId === String(memberA.id));
    expect(aboutA?.entityName).toBe('甲支部党员');
    // The city above the district is not the district auditor's to name.
    expect(
      Object.keys(aboutA?.refNames.orgs ?? {})
        .map(Number)
        .sort(),
    ).toEqual(
      [tree.districtA.id, tree.streetA.id, tree.communityA1.id, tree.branchA1.id, tree.groupA1.id].sort(),
    );
    const aboutB = items.find((e) => e.entityType === 'member' && e.entityId === String(memberB.id));
    expect(aboutB?.entityName).toBeNull();
    expect(aboutB?.refNames).toEqual({ orgs: {}, members: {}, persons: {}, users: {} });
    const orgB = items.find((e) => e.entityType === 'org');
    expect(orgB?.entityName).toBeNull();
    expect(orgB?.refNames.orgs).toEqual({});
    expect(JSON.stringify(items)).not.toContain('乙支部党员');
    expect(JSON.stringify(items)).not.toContain('光明社区');
  });

  it('names the actor of an entry written by the app', async () => {
    const items = await entries(auditorA, 'action=member.create');
    expect(items.map((e) => [e.actorUsername, e.actorName, e.entityName])).toEqual([
      ['orgadmin_a', 'orgadmin_a', '甲支部党员'],
    ]);
    const login = (await entries(auditorA, 'action=auth.login')).find((e) => e.actorUsername === 'auditor_a');
    expect(login?.actorName).toBe('甲区审计员');
  });

  it('answers 401 without a session and 403 to a non-auditor', async () => {
    expect((await t.anon.get('/api/audit-logs')).statusCode).toBe(401);
    expect((await as.orgadminA.get('/api/audit-logs')).statusCode).toBe(403);
  });
});
