import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';

/**
 * A member moved inside the deployment takes their account along (issue 9; docs/security.md §2.1): once the
 * receiving branch accepts the transfer, the account's home org and its `member` role are at the new branch, in the
 * same transaction — the new branch's administrator manages the account and the old one's no longer sees it.
 */
let w: RosterWorld;
const NEW_PASSWORD = 'Zhou-Min#2027';
let memberId: number;
let userId: number;
let username: string;
let self: TestClient;

beforeAll(async () => {
  w = await startRosterWorld();
  const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '迁移者' });
  memberId = m.id;
  const opened = await w.as.sec_a1.post(`/api/members/${m.id}/account`);
  expectStatus(opened, 200);
  username = opened.json().username;
  const first = await loginAs(w.t, username, opened.json().initialPassword);
  expectStatus(
    await first.post('/api/auth/password', {
      currentPassword: opened.json().initialPassword,
      newPassword: NEW_PASSWORD,
    }),
    200,
  );
  self = await loginAs(w.t, username, NEW_PASSWORD);
  const me = await self.get('/api/auth/me');
  expectStatus(me, 200);
  userId = me.json().id;
  expect(me.json()).toMatchObject({
    orgId: w.tree.branchA1.id,
    assignments: [{ role: 'member', orgId: w.tree.branchA1.id }],
  });
  expectStatus(await w.as.admin_a.get(`/api/users/${userId}`), 200);
  expectStatus(await w.as.admin_b.get(`/api/users/${userId}`), 404);

  const sent = await w.as.sec_a1.post('/api/transfers', {
    memberId: m.id,
    toOrgId: w.tree.branchB1.id,
    letterNo: '和组转〔2026〕21号',
    issuedOn: '2026-06-10',
  });
  expectStatus(sent, 200);
  const received = await w.as.sec_b1.post(`/api/transfers/${sent.json().id}/receive`, {
    version: sent.json().version,
    receivedOn: '2026-06-12',
  });
  expectStatus(received, 200);
});
afterAll(() => w.t.close());

describe('a transfer received inside the deployment', () => {
  it('puts the account and its member role at the new branch: the member signs in and is of it', async () => {
    const again = await loginAs(w.t, username, NEW_PASSWORD);
    for (const client of [again, self]) {
      const me = await client.get('/api/auth/me');
      expectStatus(me, 200);
      expect(me.json()).toMatchObject({ orgId: w.tree.branchB1.id });
      expect(me.json().assignments).toEqual([
        expect.objectContaining({ role: 'member', orgId: w.tree.branchB1.id }),
      ]);
    }
    const own = await again.get('/api/me/member');
    expectStatus(own, 200);
    expect(own.json()).toMatchObject({ id: memberId, orgId: w.tree.branchB1.id });
  });

  it('hands the account to the new branch’s administrator, out of the old one’s reach', async () => {
    const theirs = await w.as.admin_b.get(`/api/users/${userId}`);
    expectStatus(theirs, 200);
    expect(theirs.json()).toMatchObject({ orgId: w.tree.branchB1.id });
    expectStatus(await w.as.admin_a.get(`/api/users/${userId}`), 404);
    const listed = await w.as.admin_a.get(`/api/users?q=${username}`);
    expectStatus(listed, 200);
    expect(listed.json().total).toBe(0);
  });

  it('is audited: the home org and the role, each noting the member', async () => {
    const [update] = (await auditRows(w.t.deps.db, 'user.update')).filter(
      (r) => r.entityId === String(userId),
    );
    expect(update?.diff).toMatchObject({
      before: { orgId: w.tree.branchA1.id },
      after: { orgId: w.tree.branchB1.id },
      note: { memberId, kind: 'member_moved' },
    });
    const [revoke] = await auditRows(w.t.deps.db, 'role.revoke');
    const [grant] = await auditRows(w.t.deps.db, 'role.grant');
    expect(revoke?.diff).toMatchObject({ before: { userId, role: 'member', orgId: w.tree.branchA1.id } });
    expect(grant?.diff).toMatchObject({ after: { userId, role: 'member', orgId: w.tree.branchB1.id } });
  });

  it('moves nothing of a member without an account, and the transfer still goes through', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '无账号' });
    const sent = await w.as.sec_a1.post('/api/transfers', {
      memberId: m.id,
      toOrgId: w.tree.branchA2.id,
      letterNo: '和组转〔2026〕22号',
      issuedOn: '2026-06-10',
    });
    expectStatus(sent, 200);
    const before = (await auditRows(w.t.deps.db, 'user.update')).length;
    const received = await w.as.admin_a.post(`/api/transfers/${sent.json().id}/receive`, {
      version: sent.json().version,
      receivedOn: '2026-06-12',
    });
    expectStatus(received, 200);
    expect((await auditRows(w.t.deps.db, 'user.update')).length).toBe(before);
  });
});
